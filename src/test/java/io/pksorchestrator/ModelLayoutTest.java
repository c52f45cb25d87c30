package io.pksorchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

/**
 * The diagrams in {@code bpmn/} stay legible in Cockpit (issue 13): no sequence flow is drawn through a shape other
 * than its own source and target (nor the task a boundary event source sits on, nor the sub-process it is drawn
 * in), flows are drawn with horizontal and vertical segments only, no external label overlaps a shape other than
 * its own element's (or its sub-process), and no two labels overlap. Geometry only, from the models' BPMN DI.
 */
class ModelLayoutTest {

  /** Touching edges are fine; a flow or label must reach this far into a shape to count as crossing it. */
  static final double TOLERANCE = 2;

  @Test
  void noFlowPassesThroughAShapeAndNoLabelOverlaps() throws Exception {
    List<String> problems = new ArrayList<>();
    for (Path file : BpmnModelGuardrailTest.models()) {
      problems.addAll(check(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile())));
    }
    assertThat(problems).as("layout problems").isEmpty();
  }

  @Test
  void theCheckFindsAFlowThroughAShapeAndOverlappingLabels() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("P").startEvent("Start").name("Start")
        .userTask("A").name("A").userTask("B").name("B").endEvent("End").name("End").done();
    // draw the end event on the line A -> B, and two labels on top of each other
    BpmnShape end = shape(model, "End");
    BpmnEdge ab = edge(model, model.<SequenceFlow>getModelElementById(
        ((FlowNode) model.getModelElementById("A")).getOutgoing().iterator().next().getId()).getId());
    Bounds e = end.getBounds();
    Waypoint first = ab.getWaypoints().iterator().next();
    e.setX(first.getX() + 10);
    e.setY(first.getY() - e.getHeight() / 2);
    List<String> problems = check("test", model);
    assertThat(problems).anyMatch(p -> p.contains("passes through End"));
    assertThat(overlap(bounds(model, 0, 0, 90, 20), bounds(model, 80, 10, 90, 20))).isTrue();
    assertThat(overlap(bounds(model, 0, 0, 90, 20), bounds(model, 0, 30, 90, 20))).isFalse();
  }

  static List<String> check(String name, BpmnModelInstance model) {
    List<String> problems = new ArrayList<>();
    Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
    List<Box> labels = new ArrayList<>();
    for (BpmnShape s : shapes) {
      if (s.getBpmnLabel() != null && s.getBpmnLabel().getBounds() != null) {
        labels.add(new Box(id(s.getBpmnElement()), containers(s.getBpmnElement()), "label of "
            + id(s.getBpmnElement()), s.getBpmnLabel().getBounds()));
      }
    }
    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
      BaseElement element = edge.getBpmnElement();
      Set<String> own = containers(element);
      if (element instanceof SequenceFlow flow) {
        own.add(flow.getSource().getId());
        own.add(flow.getTarget().getId());
        if (flow.getSource() instanceof BoundaryEvent b) {
          own.add(b.getAttachedTo().getId());
        }
        if (flow.getTarget() instanceof BoundaryEvent b) {
          own.add(b.getAttachedTo().getId());
        }
      }
      List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
      for (int i = 0; i + 1 < points.size(); i++) {
        if (!points.get(i).getX().equals(points.get(i + 1).getX())
            && !points.get(i).getY().equals(points.get(i + 1).getY())) {
          problems.add(name + ": flow " + id(element) + " has a diagonal segment");
          break;
        }
      }
      for (BpmnShape s : shapes) {
        String sid = id(s.getBpmnElement());
        if (own.contains(sid)) {
          continue;
        }
        for (int i = 0; i + 1 < points.size(); i++) {
          if (crosses(points.get(i), points.get(i + 1), s.getBounds())) {
            problems.add(name + ": flow " + id(element) + " passes through " + sid);
            break;
          }
        }
      }
      if (edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null) {
        labels.add(new Box(id(element), containers(element), "label of " + id(element),
            edge.getBpmnLabel().getBounds()));
      }
    }
    for (Box label : labels) {
      for (BpmnShape s : shapes) {
        String sid = id(s.getBpmnElement());
        if (!sid.equals(label.owner()) && !label.containers().contains(sid) && overlap(label.bounds(), s.getBounds())) {
          problems.add(name + ": " + label.what() + " overlaps " + sid);
        }
      }
    }
    for (int i = 0; i < labels.size(); i++) {
      for (int j = i + 1; j < labels.size(); j++) {
        if (overlap(labels.get(i).bounds(), labels.get(j).bounds())) {
          problems.add(name + ": " + labels.get(i).what() + " overlaps " + labels.get(j).what());
        }
      }
    }
    return problems;
  }

  record Box(String owner, Set<String> containers, String what, Bounds bounds) {}

  /** The (event) sub-processes an element is drawn inside: their shapes surround it by design. */
  static Set<String> containers(ModelElementInstance element) {
    Set<String> ids = new HashSet<>();
    for (ModelElementInstance e = element == null ? null : element.getParentElement(); e != null;
        e = e.getParentElement()) {
      if (e instanceof SubProcess sp) {
        ids.add(sp.getId());
      }
    }
    return ids;
  }

  static boolean overlap(Bounds a, Bounds b) {
    return a.getX() + a.getWidth() - TOLERANCE > b.getX() && b.getX() + b.getWidth() - TOLERANCE > a.getX()
        && a.getY() + a.getHeight() - TOLERANCE > b.getY() && b.getY() + b.getHeight() - TOLERANCE > a.getY();
  }

  /** Whether the segment enters the rectangle shrunk by the tolerance (Liang-Barsky clipping). */
  static boolean crosses(Waypoint p, Waypoint q, Bounds b) {
    double x0 = b.getX() + TOLERANCE;
    double y0 = b.getY() + TOLERANCE;
    double x1 = b.getX() + b.getWidth() - TOLERANCE;
    double y1 = b.getY() + b.getHeight() - TOLERANCE;
    double dx = q.getX() - p.getX();
    double dy = q.getY() - p.getY();
    double[] pk = {-dx, dx, -dy, dy};
    double[] qk = {p.getX() - x0, x1 - p.getX(), p.getY() - y0, y1 - p.getY()};
    double t0 = 0;
    double t1 = 1;
    for (int i = 0; i < 4; i++) {
      if (pk[i] == 0) {
        if (qk[i] < 0) {
          return false;
        }
      } else {
        double t = qk[i] / pk[i];
        if (pk[i] < 0) {
          t0 = Math.max(t0, t);
        } else {
          t1 = Math.min(t1, t);
        }
      }
    }
    return t0 < t1;
  }

  private static Bounds bounds(BpmnModelInstance model, double x, double y, double w, double h) {
    Bounds b = model.newInstance(Bounds.class);
    b.setX(x);
    b.setY(y);
    b.setWidth(w);
    b.setHeight(h);
    return b;
  }

  private static BpmnShape shape(BpmnModelInstance model, String elementId) {
    return model.getModelElementsByType(BpmnShape.class).stream()
        .filter(s -> elementId.equals(id(s.getBpmnElement()))).findFirst().orElseThrow();
  }

  private static BpmnEdge edge(BpmnModelInstance model, String elementId) {
    return model.getModelElementsByType(BpmnEdge.class).stream()
        .filter(s -> elementId.equals(id(s.getBpmnElement()))).findFirst().orElseThrow();
  }

  private static String id(BaseElement e) {
    return e == null ? "?" : e.getId();
  }
}
