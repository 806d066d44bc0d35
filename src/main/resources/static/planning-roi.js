// ROI charts: each element with data-roi-chart holds its data as JSON (written by RoiRoutes) and
// becomes an ECharts chart with a title, axis names with units, a tooltip and a "Download CSV"
// button. The page's text summary and tables say the same in words, so nothing is lost without it.
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    return;
  }
  function formatter(currency, compact) {
    var options = { style: 'currency', currency: currency, maximumFractionDigits: 0 };
    if (compact) {
      options.notation = 'compact';
      options.maximumFractionDigits = 1;
    }
    var f;
    try {
      f = new Intl.NumberFormat('en-US', options);
    } catch (e) {
      f = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
    }
    return function (v) {
      return v === null || v === undefined ? '–' : (v < 0 ? '−' : '') + f.format(Math.abs(v));
    };
  }
  var money = function (currency) { return formatter(currency, false); };
  var axisMoney = function (currency) { return formatter(currency, true); };

  function cumulative(d) {
    var fmt = money(d.currency);
    return {
      option: {
        title: { text: d.title, left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis', valueFormatter: fmt },
        legend: { bottom: 0, itemGap: 24 },
        grid: { left: 16, right: 24, top: 48, bottom: 64, containLabel: true },
        xAxis: { type: 'category', name: d.unit + 's from today', nameLocation: 'middle', nameGap: 28, data: d.periods },
        yAxis: { type: 'value', name: d.currency, axisLabel: { formatter: axisMoney(d.currency) } },
        series: [
          { name: 'Discounted', type: 'line', data: d.discounted, showSymbol: false, areaStyle: { opacity: 0.08 } },
          { name: 'Undiscounted', type: 'line', data: d.cumulative, showSymbol: false, lineStyle: { type: 'dashed' } }
        ]
      },
      csv: [[d.unit, 'cumulative_' + d.currency, 'cumulative_discounted_' + d.currency]].concat(
        d.periods.map(function (p, i) { return [p, d.cumulative[i], d.discounted[i]]; }))
    };
  }

  function histogram(d) {
    var fmt = money(d.currency);
    var labels = d.bins.map(function (b) { return fmt(b[0]) + ' to ' + fmt(b[1]); });
    var binOf = function (v) {
      for (var i = 0; i < d.bins.length; i++) {
        if (v <= d.bins[i][1]) { return i; }
      }
      return d.bins.length - 1;
    };
    var mark = function (name, v) {
      return { name: name, xAxis: binOf(v), label: { formatter: name + ' ' + fmt(v) } };
    };
    return {
      option: {
        title: { text: d.title, left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis', formatter: function (p) { return labels[p[0].dataIndex] + '<br>' + p[0].value + ' draws'; } },
        grid: { left: 16, right: 24, top: 56, bottom: 56, containLabel: true },
        xAxis: { type: 'category', name: 'NPV (' + d.currency + ')', nameLocation: 'middle', nameGap: 32,
          data: d.bins.map(function (b) { return Math.round((b[0] + b[1]) / 2); }),
          axisLabel: { formatter: function (v) { return axisMoney(d.currency)(Number(v)); } } },
        yAxis: { type: 'value', name: 'draws', max: function (v) { var m = v.max * 1.2; var step = Math.pow(10, Math.floor(Math.log10(m))); return Math.ceil(m / step) * step; } },
        series: [{
          name: 'Draws', type: 'bar', barCategoryGap: '5%', data: d.bins.map(function (b) { return b[2]; }),
          markLine: { symbol: 'none', data: [mark('P10', d.p10), mark('P50', d.p50), mark('P90', d.p90)] }
        }]
      },
      csv: [['npv_from_' + d.currency, 'npv_to_' + d.currency, 'draws']].concat(d.bins)
    };
  }

  function compare(d) {
    var fmt = money(d.currency);
    return {
      option: {
        title: { text: d.title, left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis', valueFormatter: fmt },
        legend: { bottom: 0, itemGap: 24 },
        grid: { left: 16, right: 24, top: 48, bottom: 64, containLabel: true },
        xAxis: { type: 'category', name: 'Option', nameLocation: 'middle', nameGap: 28, data: d.names },
        yAxis: { type: 'value', name: d.currency, axisLabel: { formatter: axisMoney(d.currency) } },
        series: [
          { name: 'NPV (likely)', type: 'bar', data: d.npv },
          { name: 'P10', type: 'bar', data: d.p10 },
          { name: 'P50', type: 'bar', data: d.p50 },
          { name: 'P90', type: 'bar', data: d.p90 }
        ]
      },
      csv: [['option', 'npv', 'p10', 'p50', 'p90']].concat(
        d.names.map(function (n, i) { return [n, d.npv[i], d.p10[i], d.p50[i], d.p90[i]]; }))
    };
  }

  window.Hatrack.charts(
    'data-roi-chart', { cumulative: cumulative, histogram: histogram, compare: compare }, 'roi-csv');
})();
