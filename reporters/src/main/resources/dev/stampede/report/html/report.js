/* Stampede report.html: builds the tables and charts from the JSON in #report-data (format
   stampede-report-data, see dev.stampede.report.html.ReportJson). Records its own health on <body>:
   data-charts-expected (charts it set out to draw), data-charts-drawn (charts Chart.js rendered),
   data-script-errors (set by the first script of the page). */
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('report-data').textContent);
  var body = document.body;
  var expected = 0;
  var drawn = 0;
  var COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf',
    '#bcbd22', '#7f7f7f'];
  var EVENT_COLORS = { rate: '#1f77b4', guard: '#d62728', stop: '#000000', capacity: '#9467bd', other: '#8c8c8c' };

  /* ---------- formatting ---------- */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') { node.textContent = attrs[k]; } else if (k === 'cls') { node.className = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
      });
    }
    (children || []).forEach(function (c) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }

  function num(v, digits) {
    if (v === null || v === undefined || isNaN(v)) { return '–'; }
    return Number(v).toLocaleString('en-US', { maximumFractionDigits: digits === undefined ? 1 : digits });
  }

  function ms(v) {
    if (v === null || v === undefined || isNaN(v)) { return '–'; }
    if (v >= 1000) { return num(v / 1000, 2) + ' s'; }
    if (v >= 1) { return num(v, v >= 100 ? 0 : v >= 10 ? 1 : 2) + ' ms'; }
    return num(v * 1000, v * 1000 >= 10 ? 0 : 1) + ' µs';
  }

  function pct(v) { return (v === null || isNaN(v)) ? '–' : num(100 * v, 2) + ' %'; }

  function clock(seconds) {
    if (seconds === null || isNaN(seconds)) { return '–'; }
    var s = Math.max(0, Math.round(seconds));
    var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    var mm = (h > 0 && m < 10 ? '0' : '') + m, ss = (r < 10 ? '0' : '') + r;
    return (h > 0 ? h + ':' : '') + mm + ':' + ss;
  }

  function table(headers, rows, rowClass) {
    var head = el('tr', null, headers.map(function (h) {
      return el('th', { cls: h.text ? 'text' : '', text: h.label, title: h.title || '' });
    }));
    var tbody = el('tbody', null, rows.map(function (row, i) {
      var tr = el('tr', rowClass ? { cls: rowClass(i) } : null, row.map(function (cell, c) {
        if (cell instanceof Node) { return el('td', { cls: headers[c].text ? 'text' : '' }, [cell]); }
        return el('td', { cls: (headers[c].text ? 'text ' : '') + (cell && cell.cls ? cell.cls : ''), text: cell && cell.cls ? cell.value : String(cell) });
      }));
      return tr;
    }));
    return el('table', null, [el('thead', null, [head]), tbody]);
  }

  /* ---------- charts ---------- */

  var drawnCounter = {
    id: 'stampedeDrawn',
    afterRender: function (chart) {
      if (!chart.$stampedeDrawn) { chart.$stampedeDrawn = true; drawn++; body.dataset.chartsDrawn = String(drawn); }
    }
  };

  /* Vertical lines at the run's events on time charts. */
  var eventMarkers = {
    id: 'stampedeEvents',
    afterDatasetsDraw: function (chart) {
      var x = chart.scales.x, area = chart.chartArea, ctx = chart.ctx;
      ctx.save();
      ctx.setLineDash([4, 3]);
      ctx.lineWidth = 1;
      data.events.forEach(function (e) {
        if (e.seconds < x.min || e.seconds > x.max) { return; }
        var px = x.getPixelForValue(e.seconds);
        ctx.strokeStyle = EVENT_COLORS[e.kind] || EVENT_COLORS.other;
        ctx.globalAlpha = e.kind === 'other' ? 0.35 : 0.7;
        ctx.beginPath(); ctx.moveTo(px, area.top); ctx.lineTo(px, area.bottom); ctx.stroke();
      });
      ctx.restore();
    }
  };

  function draw(canvasId, config, markers) {
    expected++;
    body.dataset.chartsExpected = String(expected);
    config.plugins = [drawnCounter].concat(markers ? [eventMarkers] : []);
    var options = config.options = config.options || {};
    options.animation = false;
    options.responsive = true;
    options.maintainAspectRatio = false;
    options.normalized = true;
    options.parsing = false;
    options.plugins = options.plugins || {};
    options.plugins.legend = options.plugins.legend || { position: 'bottom', labels: { boxWidth: 14 } };
    try {
      return new Chart(document.getElementById(canvasId), config);
    } catch (e) {
      window.stampedeScriptError('chart ' + canvasId + ': ' + e);
      return null;
    }
  }

  function points(column) {
    var t = data.series.t, out = [];
    for (var i = 0; i < t.length; i++) {
      out.push({ x: t[i], y: column && column[i] !== undefined ? column[i] : null });
    }
    return out;
  }

  function line(label, column, color, extra) {
    var ds = { label: label, data: points(column), borderColor: color, backgroundColor: color,
      borderWidth: 1.5, pointRadius: 0, pointHitRadius: 4, spanGaps: false };
    return Object.assign(ds, extra || {});
  }

  var T_MAX = data.series.t.length ? data.series.t[data.series.t.length - 1] : 1;
  var T_STEP = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400]
    .filter(function (s) { return T_MAX / s <= 12; })[0] || 86400 * Math.ceil(T_MAX / 86400 / 12);

  /* Seconds since the start, ticks on round clock times, ending at the last point. */
  function timeAxis() {
    return { type: 'linear', title: { display: true, text: 'time since start' }, min: 0, max: T_MAX,
      ticks: { stepSize: T_STEP, callback: function (v) { return clock(v); } } };
  }

  function msAxis(log) {
    return { type: log ? 'logarithmic' : 'linear', title: { display: true, text: 'ms' },
      ticks: { callback: function (v) { return ms(v); }, maxTicksLimit: 10 } };
  }

  function hasValues(column) {
    return Array.isArray(column) && column.some(function (v) { return v !== null && !isNaN(v); });
  }

  var cols = data.series.columns;

  function timeTooltip(unit) {
    return { mode: 'index', intersect: false, callbacks: {
      title: function (items) { return items.length ? clock(items[0].parsed.x) : ''; },
      label: function (item) { return item.dataset.label + ': ' + (unit === 'ms' ? ms(item.parsed.y) : num(item.parsed.y, 1) + ' ' + unit); }
    } };
  }

  function throughputChart() {
    // The target is in the run's unit: requests per second, or a replay's speed factor (x), which then
    // gets its own axis on the right: requests per second stay on the left.
    var unit = data.identity.rateUnit || 'req/s';
    var speed = unit !== 'req/s';
    var sets = [];
    if (hasValues(cols.target)) {
      sets.push(line(speed ? 'target speed (' + unit + ')' : 'target rate', cols.target, '#7f7f7f',
        { borderDash: [6, 4], borderWidth: 2, yAxisID: speed ? 'speed' : 'y' }));
    }
    sets.push(line('achieved (attempted/s)', cols.achieved, '#1f77b4', { borderWidth: 2 }));
    if (hasValues(cols.achievedMin)) {
      sets.push(line('slowest interval', cols.achievedMin, 'rgba(31,119,180,0.25)', { borderWidth: 0, fill: false }));
      sets.push(line('fastest interval', cols.achievedMax, 'rgba(31,119,180,0.25)', { borderWidth: 0, fill: '-1', backgroundColor: 'rgba(31,119,180,0.15)' }));
    }
    if (hasValues(cols.ok)) {
      sets.push(line('ok (2xx)/s', cols.ok, '#2ca02c'));
    }
    document.getElementById('throughput-hint').textContent = hasValues(cols.target)
      ? (speed ? 'Replay speed asked for (right axis) and requests sent per second (left)'
               : 'Target rate asked for against requests sent per second')
        + '; the band spans the slowest and fastest single interval of each point. Dashed vertical lines: run events.'
      : 'Requests sent per second (no target rate: flat out, or no intervals.jsonl); the band spans the slowest and fastest single interval of each point.';
    var scales = { x: timeAxis(), y: { beginAtZero: true, title: { display: true, text: 'req/s' } } };
    if (speed) {
      scales.speed = { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false },
        title: { display: true, text: 'speed (' + unit + ')' } };
    }
    var tooltip = {
      mode: 'index', intersect: false,
      callbacks: {
        title: timeTooltip(unit).callbacks.title,
        label: function (item) {
          var u = item.dataset.yAxisID === 'speed' ? unit : 'req/s';
          return item.dataset.label + ': ' + num(item.parsed.y, u === 'req/s' ? 1 : 2) + ' ' + u;
        }
      }
    };
    draw('chart-throughput', { type: 'line', data: { datasets: sets }, options: {
      interaction: { mode: 'index', intersect: false }, scales: scales, plugins: { tooltip: tooltip } } }, true);
  }

  function latencyChart() {
    var sets = [
      line('p50', cols.p50, COLORS[2]), line('p90', cols.p90, COLORS[0]), line('p99', cols.p99, COLORS[3]),
      line('p99.9', cols.p999, COLORS[1]), line('max', cols.max, '#444444', { borderDash: [3, 3] })];
    draw('chart-latency', { type: 'line', data: { datasets: sets }, options: {
      interaction: { mode: 'index', intersect: false },
      scales: { x: timeAxis(), y: msAxis(true) }, plugins: { tooltip: timeTooltip('ms') } } }, true);
  }

  function endpointLatencyChart() {
    var names = Object.keys(data.series.endpointP99);
    if (names.length === 0) {
      document.getElementById('endpoint-latency-section').hidden = true;
      return;
    }
    var sets = names.map(function (name, i) { return line(name, data.series.endpointP99[name], COLORS[i % COLORS.length]); });
    draw('chart-endpoint-latency', { type: 'line', data: { datasets: sets }, options: {
      interaction: { mode: 'index', intersect: false },
      scales: { x: timeAxis(), y: msAxis(true) }, plugins: { tooltip: timeTooltip('ms') } } }, true);
  }

  function ninesLabel(x) {
    var k = Math.round(Math.log10(x));
    if (Math.abs(Math.log10(x) - k) > 1e-9) { return ''; }
    if (k <= 0) { return '0%'; }
    if (k === 1) { return '90%'; }
    return '99' + (k > 2 ? '.' + '9'.repeat(k - 2) : '') + '%';
  }

  function spectrumData(stats) {
    return stats.spectrum.map(function (p) { return { x: 1 / (1 - p[0] / 100), y: p[1] }; });
  }

  function spectrumChart() {
    var sets = [{ label: 'all endpoints', data: spectrumData(data.overall), borderColor: '#000000', backgroundColor: '#000000',
      borderWidth: 2.5, pointRadius: 0, pointHitRadius: 4 }];
    data.endpoints.forEach(function (e, i) {
      if (e.latency.count === 0) { return; }
      sets.push({ label: e.name, data: spectrumData(e.latency), borderColor: COLORS[i % COLORS.length],
        backgroundColor: COLORS[i % COLORS.length], borderWidth: 1.2, pointRadius: 0, pointHitRadius: 4, hidden: i >= 8 });
    });
    draw('chart-spectrum', { type: 'line', data: { datasets: sets }, options: {
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        x: { type: 'logarithmic', min: 1, title: { display: true, text: 'percentile' },
          ticks: { callback: function (v) { return ninesLabel(v); }, autoSkip: false, maxRotation: 0 } },
        y: msAxis(true) },
      plugins: { tooltip: { callbacks: {
        title: function (items) { return items.length ? num(100 * (1 - 1 / items[0].parsed.x), 5) + ' percentile' : ''; },
        label: function (item) { return item.dataset.label + ': ' + ms(item.parsed.y); } } } } } }, false);
  }

  function errorsChart() {
    var classes = [['errors4xx', '4xx', COLORS[3]], ['errors5xx', '5xx', COLORS[1]], ['errorsOtherHttp', 'other HTTP', COLORS[5]],
      ['errorsTransport', 'transport', COLORS[4]], ['errorsTimeout', 'timeout', COLORS[6]], ['errorsUnsent', 'unsent', '#7f7f7f']];
    var sets = classes.filter(function (c) { return Array.isArray(cols[c[0]]); })
      .map(function (c) { return line(c[1], cols[c[0]], c[2], { borderWidth: 1.8 }); });
    if (sets.length === 0) {
      document.getElementById('errors-section').appendChild(el('p', { cls: 'note', text: 'No intervals.jsonl: errors over time are not known (totals are in the endpoint table).' }));
      document.querySelector('#errors-section .chart').hidden = true;
      return;
    }
    draw('chart-errors', { type: 'line', data: { datasets: sets }, options: {
      interaction: { mode: 'index', intersect: false },
      scales: { x: timeAxis(), y: { beginAtZero: true, title: { display: true, text: 'requests/s' } } },
      plugins: { tooltip: timeTooltip('/s') } } }, true);
  }

  function sendLagChart() {
    var sets = [line('p50', cols.sendLagP50, COLORS[2]), line('p99', cols.sendLagP99, COLORS[3]),
      line('max', cols.sendLagMax, '#444444', { borderDash: [3, 3] })];
    draw('chart-send-lag', { type: 'line', data: { datasets: sets }, options: {
      interaction: { mode: 'index', intersect: false },
      scales: { x: timeAxis(), y: msAxis(true) }, plugins: { tooltip: timeTooltip('ms') } } }, true);
  }

  function capacityChart(capacity) {
    var steps = capacity.steps.slice().sort(function (a, b) { return a.targetRate - b.targetRate; });
    var unit = capacity.unit || 'req/s';
    var good = function (s) { return s.verdict === 'good'; };
    var maxTarget = steps.reduce(function (m, s) { return Math.max(m, s.targetRate || 0, s.achievedRate || 0); }, 0);
    var sets = [
      { label: 'achieved', data: steps.map(function (s) { return { x: s.targetRate, y: s.achievedRate }; }), borderColor: '#1f77b4',
        backgroundColor: steps.map(function (s) { return good(s) ? '#2ca02c' : '#d62728'; }),
        pointBorderColor: steps.map(function (s) { return good(s) ? '#2ca02c' : '#d62728'; }), pointRadius: 5, borderWidth: 2, yAxisID: 'y' },
      { label: 'achieved = target', data: [{ x: 0, y: 0 }, { x: maxTarget, y: maxTarget }], borderColor: '#9a9a9a', borderDash: [5, 4],
        borderWidth: 1, pointRadius: 0, yAxisID: 'y' },
      { label: 'p99 latency', data: steps.map(function (s) { return { x: s.targetRate, y: s.p99Ms }; }), borderColor: '#ff7f0e',
        backgroundColor: '#ff7f0e', pointRadius: 4, borderWidth: 2, yAxisID: 'latency' }];
    draw('chart-capacity', { type: 'line', data: { datasets: sets }, options: {
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        x: { type: 'linear', min: 0, title: { display: true, text: 'target rate (' + unit + ')' } },
        y: { type: 'linear', min: 0, position: 'left', title: { display: true, text: 'achieved (' + unit + ')' } },
        latency: { type: 'linear', min: 0, position: 'right', grid: { drawOnChartArea: false }, title: { display: true, text: 'p99 (ms)' } } },
      plugins: { tooltip: { callbacks: { label: function (item) {
        return item.dataset.label + ': ' + (item.dataset.yAxisID === 'latency' ? ms(item.parsed.y) : num(item.parsed.y, 1) + ' ' + unit);
      } } } } } }, false);
  }

  /* ---------- sections ---------- */

  function identity() {
    var id = data.identity;
    var title = 'Stampede report' + (id.runId ? ' — ' + id.runId : '');
    var header = document.getElementById('identity');
    header.appendChild(el('h1', { text: title }));
    var meta = function (label, value) { if (value) { header.appendChild(el('p', { cls: 'meta' }, [label + ' ', el('b', { text: value })])); } };
    meta('target', id.target);
    meta('scenario', id.scenario + (id.mode ? ' · ' + id.mode : ''));
    meta('from', (id.start || '') + (id.end ? ' to ' + id.end : '') + ' (' + clock(id.durationSeconds) + ')');
    var versions = Object.keys(id.versions || {}).map(function (k) { return k + ' ' + id.versions[k]; }).join(', ');
    meta('versions', versions);
  }

  function verdict() {
    var v = data.verdict, section = document.getElementById('verdict');
    var failed = v.slos.filter(function (s) { return s.judged && !s.passed; }).length;
    var judged = v.slos.filter(function (s) { return s.judged; }).length;
    var badge;
    if (!data.identity.complete) { badge = el('span', { cls: 'badge incomplete', text: 'INCOMPLETE RUN' }); }
    else if (failed > 0) { badge = el('span', { cls: 'badge fail', text: 'FAIL' }); }
    else if (judged > 0) { badge = el('span', { cls: 'badge pass', text: 'PASS' }); }
    else { badge = el('span', { cls: 'badge none', text: 'NO SLO' }); }
    var summary = failed > 0 ? failed + ' of ' + v.slos.length + ' SLOs failed'
      : judged > 0 ? 'all ' + judged + ' judged SLOs passed' : data.identity.complete ? 'no SLO was set for this run' : 'the run did not end normally';
    section.appendChild(el('div', { cls: 'verdict-line', id: 'verdict-badge' }, [badge, el('span', { text: summary })]));
    if (data.capacity) {
      section.appendChild(el('p', { cls: 'meta' }, ['capacity search: ', el('b', { text: data.capacity.summary })]));
    }
    if (v.generatorFellBehind) {
      section.appendChild(el('p', { cls: 'note', text: 'The generator fell behind: ' + v.generatorReason }));
    }
    v.notes.forEach(function (n) { section.appendChild(el('p', { cls: 'note', text: n })); });
    if (v.slos.length > 0) {
      section.appendChild(table(
        [{ label: 'SLO', text: true }, { label: 'rule', text: true }, { label: 'result' }, { label: 'worst', text: true }, { label: 'trips' }],
        v.slos.map(function (s) {
          var result = !s.judged ? { value: 'not judged', cls: '' } : s.passed ? { value: 'pass', cls: 'pass' } : { value: 'FAIL', cls: 'fail' };
          return [s.name, s.rule, result, s.worst, num(s.trips, 0)];
        })));
    }
  }

  function figures() {
    var o = data.overall, section = document.getElementById('figures');
    var requests = 0, failed = 0, known = false;
    data.endpoints.forEach(function (e) {
      requests += e.requests;
      Object.keys(e.byClass).forEach(function (k) { known = true; if (k !== 'ok') { failed += e.byClass[k]; } });
    });
    var figs = [['requests', num(requests, 0)], ['achieved rate', num(data.identity.achievedRatePerSec, 1) + ' /s'],
      ['errors', known && requests > 0 ? pct(failed / requests) : '–'], ['p50', ms(o.p50Ms)], ['p99', ms(o.p99Ms)],
      ['p99.9', ms(o.p999Ms)], ['max', ms(o.maxMs)], ['send lag p99', ms(data.sendLag.p99Ms)]];
    section.appendChild(el('div', { cls: 'figures' }, figs.map(function (f) {
      return el('div', { cls: 'figure' }, [el('div', { cls: 'label', text: f[0] }), el('div', { cls: 'value', text: f[1] })]);
    })));
  }

  function endpointsTable() {
    var classes = [['ok', 'ok'], ['errors4xx', '4xx'], ['errors5xx', '5xx'], ['errorsOtherHttp', 'other'], ['errorsTransport', 'transport'],
      ['errorsTimeout', 'timeout'], ['errorsUnsent', 'unsent']];
    var headers = [{ label: 'endpoint', text: true }, { label: 'requests' }, { label: 'rate /s' }]
      .concat(classes.map(function (c) { return { label: c[1] }; }))
      .concat([{ label: 'p50' }, { label: 'p99' }, { label: 'p99.9' }, { label: 'max' }]);
    /* A class missing from known counts is 0; with no counts at all (no run.json, no intervals.jsonl) it is unknown. */
    function countOf(byClass, key) {
      return Object.keys(byClass).length === 0 ? '–' : num(byClass[key] || 0, 0);
    }
    var rows = [data.endpoints.length > 1 ? overallRow() : null].concat(data.endpoints.map(function (e) {
      return [e.name, num(e.requests, 0), num(e.ratePerSec, 1)]
        .concat(classes.map(function (c) { return countOf(e.byClass, c[0]); }))
        .concat([ms(e.latency.p50Ms), ms(e.latency.p99Ms), ms(e.latency.p999Ms), ms(e.latency.maxMs)]);
    })).filter(function (r) { return r !== null; });
    function overallRow() {
      var sums = {}, requests = 0, rate = 0;
      data.endpoints.forEach(function (e) {
        requests += e.requests; rate += e.ratePerSec || 0;
        Object.keys(e.byClass).forEach(function (k) { sums[k] = (sums[k] || 0) + e.byClass[k]; });
      });
      var o = data.overall;
      return ['all endpoints', num(requests, 0), num(rate, 1)]
        .concat(classes.map(function (c) { return countOf(sums, c[0]); }))
        .concat([ms(o.p50Ms), ms(o.p99Ms), ms(o.p999Ms), ms(o.maxMs)]);
    }
    /* Rows with 1% or more of their requests not ok stand out. */
    var bad = function (e) {
      var failed = Object.keys(e.byClass).reduce(function (n, k) { return k === 'ok' ? n : n + e.byClass[k]; }, 0);
      return e.requests > 0 && failed / e.requests >= 0.01;
    };
    var offset = data.endpoints.length > 1 ? 1 : 0;
    document.getElementById('endpoints').appendChild(table(headers, rows, function (i) {
      return i >= offset && bad(data.endpoints[i - offset]) ? 'bad' : '';
    }));
  }

  function eventsTable() {
    var target = document.getElementById('events');
    if (data.events.length === 0) {
      target.appendChild(el('p', { cls: 'hint', text: data.identity.complete ? 'No events.' : 'Not known: events are in run.json, which a killed run does not write.' }));
      return;
    }
    target.appendChild(table([{ label: 'time' }, { label: 'kind', text: true }, { label: 'event', text: true }],
      data.events.map(function (e) {
        var kind = el('span', null, [el('span', { cls: 'kind', style: 'background:' + (EVENT_COLORS[e.kind] || EVENT_COLORS.other) }), e.kind]);
        return [clock(e.seconds), kind, e.text];
      })));
  }

  function capacitySection() {
    var c = data.capacity;
    if (!c) { return; }
    document.getElementById('capacity-section').hidden = false;
    document.getElementById('capacity-summary').textContent = c.summary
      + (c.maxSustainableRate !== null ? ' — max sustainable ' + num(c.maxSustainableRate, 2) + ' ' + c.unit : '')
      + '. Knee chart: achieved rate (green good, red bad step) against the target, and p99 latency.';
    capacityChart(c);
    document.getElementById('capacity-steps').appendChild(table(
      [{ label: 'step' }, { label: 'phase', text: true }, { label: 'target' }, { label: 'achieved' }, { label: 'requests' },
        { label: 'p50' }, { label: 'p99' }, { label: 'p99.9' }, { label: 'errors' }, { label: 'unsent' }, { label: 'send lag p99' },
        { label: 'verdict' }, { label: 'why', text: true }],
      c.steps.map(function (s) {
        return [s.step, s.phase, num(s.targetRate, 2), num(s.achievedRate, 2), num(s.requests, 0), ms(s.p50Ms), ms(s.p99Ms), ms(s.p999Ms),
          pct(s.errorRatio), pct(s.unsentRatio), ms(s.sendLagP99Ms), { value: s.verdict, cls: s.verdict === 'good' ? 'pass' : 'fail' }, s.why];
      })));
  }

  function footer() {
    document.getElementById('footer').textContent = 'Each point of the time charts merges ' + data.series.bucketIntervals
      + ' interval(s) of latency.hlog. Latency is measured from each request\u2019s intended send time. Written by Stampede; works offline.';
  }

  var steps = [identity, verdict, figures, throughputChart, latencyChart, endpointLatencyChart, spectrumChart, endpointsTable,
    errorsChart, sendLagChart, eventsTable, capacitySection, footer];
  steps.forEach(function (step) {
    try { step(); } catch (e) { window.stampedeScriptError(step.name + ': ' + (e && e.stack ? e.stack : e)); }
  });
})();
