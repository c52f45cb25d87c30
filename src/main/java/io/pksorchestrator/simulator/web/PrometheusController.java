package io.pksorchestrator.simulator.web;

import io.pksorchestrator.simulator.SimulatedFoundation;
import java.util.Map;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The Prometheus HTTP API: GET with query parameters or POST with a form, like Prometheus. */
@SimulatorEndpoint
@ResponseBody
@RequestMapping("/{foundation}/prometheus/api/v1")
public class PrometheusController extends ControllerSupport {

  public PrometheusController(SimulatedFoundation foundation) {
    super(foundation);
  }

  @RequestMapping(value = "/query_range", method = {RequestMethod.GET, RequestMethod.POST})
  public Map<String, Object> queryRange(@RequestParam(required = false) String query,
      @RequestParam(required = false) String start, @RequestParam(required = false) String end,
      @RequestParam(required = false) String step) {
    return call(() -> foundation.prometheus().queryRange(query, start, end, step));
  }

  @RequestMapping(value = "/query", method = {RequestMethod.GET, RequestMethod.POST})
  public Map<String, Object> query(@RequestParam(required = false) String query,
      @RequestParam(required = false) String time) {
    return call(() -> foundation.prometheus().query(query, time));
  }
}
