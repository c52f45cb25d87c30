// Fleet overview: reads the REST API with the browser's session (HTTP Basic or the Camunda webapp login).
(function () {
  'use strict';

  // only a resize that happened is a "resize"; a stale, rejected or failed proposal changed nothing
  function lastResize(r) {
    const change = r.fromWorkers + ' → ' + r.toWorkers;
    return r.outcome === 'resized'
      ? 'Last resize: ' + change + ' (' + when(r.endedAt) + ')'
      : 'Last proposal: ' + change + ', not applied (' + r.outcome + ', ' + when(r.endedAt) + ')';
  }


  const COCKPIT = '/camunda/app/cockpit/default/#/process-instance/';

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v !== null && v !== undefined) node.setAttribute(k, v);
    });
    children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(c ?? '')));
    return node;
  }

  async function getJson(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(url + ' answered ' + response.status);
    }
    return response.json();
  }

  function when(value) {
    return value ? new Date(value).toLocaleString() : '';
  }

  function renderFoundations(foundations) {
    const box = document.getElementById('foundations');
    box.replaceChildren(...foundations.map((f) => el('div', { class: 'card', 'data-foundation': f.name },
      el('h3', {}, f.name),
      f.error ? el('p', { class: 'meta' }, 'Not reachable: ' + f.error)
        : el('p', { class: 'meta' }, 'Plans: ' + (f.plans.map((p) => p.name + ' (' + p.workerInstances + ' workers)').join(', ') || 'none')))));
  }

  function renderOperations(operations) {
    const body = document.querySelector('#operations tbody');
    body.replaceChildren(...operations.map((op) => el('tr', { 'data-operation': op.operationId },
      el('td', {}, op.processName || op.process),
      el('td', {}, op.ticketId || op.businessKey || ''),
      el('td', {}, op.foundation || ''),
      el('td', {}, el('span', { class: 'badge ' + op.state }, op.state)),
      el('td', {}, (op.currentSteps || []).join(', '),
        (op.heldClusters || []).length ? el('div', { class: 'meta lease' }, 'Holds '
          + op.heldClusters.map((h) => h.foundation + '/' + h.cluster).join(', ')) : ''),
      el('td', {}, op.requestedBy || ''),
      el('td', {}, when(op.startedAt)),
      el('td', {},
        el('a', { href: COCKPIT + op.operationId }, 'Cockpit'),
        (op.pendingApprovals || []).concat(op.operatorTasks || [])
          .map((t) => el('a', { href: t.tasklist, title: t.name }, 'Tasklist: ' + t.name))))));
    document.getElementById('operations-empty').hidden = operations.length > 0;
  }

  function renderClusters(clusters) {
    const box = document.getElementById('clusters');
    box.replaceChildren(...clusters.map((c) => {
      const status = c.forecast ? c.forecast.status : 'NO_DATA';
      const chart = c.chart || ('/api/v1/clusters/' + encodeURIComponent(c.foundation) + '/'
        + encodeURIComponent(c.name) + '/forecast.png');
      return el('div', { class: 'card', 'data-cluster': c.foundation + '/' + c.name },
        el('h3', {}, c.name, ' ', el('span', { class: 'badge ' + status }, status)),
        el('p', { class: 'meta' }, c.foundation + ' · plan ' + (c.plan || '?') + ' · mode ' + (c.mode || '?')),
        el('div', { class: 'workers' },
          el('div', {}, el('strong', {}, String(c.currentWorkers ?? '?')), 'current workers'),
          el('div', {}, el('strong', {}, String(c.recommendedWorkers ?? '–')), 'recommended')),
        c.reason ? el('p', { class: 'meta' }, c.reason) : '',
        c.lastResize ? el('p', { class: 'meta last-resize' }, lastResize(c.lastResize)) : '',
        c.heldBy ? el('p', { class: 'meta lease', 'data-held-by': c.heldBy.operationId }, 'Held by ',
          el('a', { href: COCKPIT + c.heldBy.operationId }, c.heldBy.operation + ' ' + (c.heldBy.businessKey || '')),
          ' since ' + when(c.heldBy.since) + ': no other operation changes it meanwhile') : '',
        suppressed(c.suppressedProposals || []),
        el('img', { src: chart, alt: 'Forecast chart of ' + c.name, loading: 'lazy' }));
    }));
    document.getElementById('clusters-empty').hidden = clusters.length > 0;
  }

  /** The cluster's proposals the forecasting cycle did not start, and why (newest first). */
  function suppressed(list) {
    if (!list.length) {
      return '';
    }
    return el('details', { class: 'suppressed' },
      el('summary', {}, 'Proposals not started (' + list.length + ')'),
      el('ul', {}, list.map((s) => el('li', { 'data-kind': s.kind },
        el('strong', {}, s.kind), ' ' + (s.currentWorkers ?? '?') + ' → ' + (s.proposedWorkers ?? '?') + ': '
          + s.reason + ' (' + s.times + '×, ' + when(s.firstAt) + (s.times > 1 ? ' – ' + when(s.lastAt) : '')
          + ')'))));
  }

  async function load() {
    const status = document.getElementById('status');
    const problems = [];
    await Promise.all([
      getJson('/api/v1/foundations').then(renderFoundations).catch((e) => problems.push(e.message)),
      getJson('/api/v1/operations?state=running').then(renderOperations).catch((e) => problems.push(e.message)),
      getJson('/api/v1/clusters').then(renderClusters).catch((e) => problems.push(e.message)),
    ]);
    status.textContent = problems.length ? 'Some data could not be loaded: ' + problems.join('; ')
      : 'Updated ' + new Date().toLocaleTimeString();
    status.classList.toggle('error', problems.length > 0);
  }

  load();
  setInterval(load, 30000);
}());
