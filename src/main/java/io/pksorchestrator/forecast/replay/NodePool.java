package io.pksorchestrator.forecast.replay;

import java.util.ArrayDeque;
import java.util.Deque;

/** Nodes of a strategy: a node requested at minute t serves from t + lead time; removal is immediate. */
final class NodePool {

  private final int leadTime;
  private final Deque<Integer> pending = new ArrayDeque<>(); // ready-at minutes, oldest request first
  private int ready;

  NodePool(int initialReady, int leadTime) {
    this.ready = initialReady;
    this.leadTime = leadTime;
  }

  /** Nodes whose lead time has passed by minute {@code t} start serving. */
  void promote(int t) {
    while (!pending.isEmpty() && pending.peekFirst() <= t) {
      pending.removeFirst();
      ready++;
    }
  }

  void request(int count, int t) {
    for (int i = 0; i < count; i++) {
      pending.addLast(t + leadTime);
    }
    promote(t);
  }

  /** Removes {@code count} nodes: requests not yet serving are cancelled first (newest first), then serving ones. */
  void remove(int count) {
    int left = count;
    while (left > 0 && !pending.isEmpty()) {
      pending.removeLast();
      left--;
    }
    ready = Math.max(0, ready - left);
  }

  /** Sets the serving nodes to {@code count} at once (only used to remove). */
  void shrinkReadyTo(int count) {
    ready = Math.min(ready, count);
  }

  int ready() {
    return ready;
  }

  int pending() {
    return pending.size();
  }
}
