// Sprints: drag backlog items into the sprint and out again (SortableJS), saved at once with a
// fetch and rolled back with a message if refused; the forms' buttons do the same without
// JavaScript. Charts: each element with data-sprint-chart holds its data as JSON (written by
// SprintCharts) and becomes an ECharts chart with a title, axis names, a tooltip and a
// "Download CSV" button; the page's text summary says the same in words.
(function () {
  'use strict';

  function dragAndDrop() {
    var sprint = document.getElementById('sprint-items');
    var backlog = document.getElementById('sprint-backlog');
    if (!sprint || !backlog || typeof Sortable === 'undefined' || sprint.getAttribute('data-editable') !== 'true') {
      return;
    }
    var base = sprint.getAttribute('data-base');
    var csrf = sprint.getAttribute('data-csrf');
    var message = document.querySelector('.sprint-drag-message');
    function send(url, body) {
      return fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-Token': csrf, 'X-Requested-With': 'fetch' },
        body: body
      });
    }
    function moved(evt) {
      if (evt.from === evt.to) {
        return;
      }
      var key = evt.item.getAttribute('data-item');
      var form = new URLSearchParams();
      form.set('_csrf', csrf);
      var request = evt.to === sprint
        ? (form.set('item', key), send(base + '/items', form.toString()))
        : send(base + '/items/' + encodeURIComponent(key) + '/remove', form.toString());
      request.then(function (r) {
        if (r.ok) {
          window.location.reload();
          return;
        }
        return r.text().then(function (text) {
          evt.from.insertBefore(evt.item, evt.from.children[evt.oldIndex] || null);
          if (message) {
            message.textContent = 'Not moved: ' + (text || 'the server refused (' + r.status + ')');
          }
        });
      }).catch(function () {
        evt.from.insertBefore(evt.item, evt.from.children[evt.oldIndex] || null);
        if (message) {
          message.textContent = 'Not moved: the server could not be reached.';
        }
      });
    }
    [sprint, backlog].forEach(function (list) {
      // The fallback drags with pointer events (not the browser's native drag), the same everywhere.
      Sortable.create(list, { group: 'sprint', animation: 120, sort: false, forceFallback: true, onEnd: moved });
    });
  }

  function burndown(d) {
    return {
      option: {
        title: { text: d.title, left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0, itemGap: 24 },
        grid: { left: 16, right: 24, top: 56, bottom: 64, containLabel: true },
        xAxis: { type: 'category', name: 'Day', nameLocation: 'middle', nameGap: 28, data: d.days },
        yAxis: { type: 'value', name: d.unit, nameTextStyle: { align: 'left' } },
        series: [
          { name: 'Ideal', type: 'line', data: d.ideal, showSymbol: false, lineStyle: { type: 'dashed' } },
          { name: 'Remaining', type: 'line', data: d.remaining, step: false },
          { name: 'Completed', type: 'line', data: d.completed },
          { name: 'Scope', type: 'line', data: d.scope, lineStyle: { type: 'dotted' } }
        ]
      },
      csv: [['day', 'ideal', 'remaining', 'completed', 'scope']].concat(
        d.days.map(function (day, i) { return [day, d.ideal[i], d.remaining[i], d.completed[i], d.scope[i]]; }))
    };
  }

  function velocity(d) {
    return {
      option: {
        title: { text: d.title, left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0, itemGap: 24 },
        grid: { left: 16, right: 96, top: 56, bottom: 64, containLabel: true },
        xAxis: { type: 'category', name: 'Sprint', nameLocation: 'middle', nameGap: 28, data: d.sprints },
        yAxis: { type: 'value', name: d.unit, nameTextStyle: { align: 'left' } },
        series: [
          { name: 'Committed', type: 'bar', barMaxWidth: 40, data: d.committed },
          { name: 'Completed', type: 'bar', barMaxWidth: 40, data: d.completed,
            // The average outside the plot; P20 under and P80 over their lines, so that the three
            // labels stay apart even when the values are close or equal.
            markLine: { symbol: 'none', label: { position: 'end' }, data: [
              { name: 'Average', yAxis: d.average, label: { formatter: 'average ' + d.average } },
              { name: 'P20', yAxis: d.low, lineStyle: { type: 'dotted' }, label: { position: 'insideEndBottom', formatter: 'P20 ' + d.low } },
              { name: 'P80', yAxis: d.high, lineStyle: { type: 'dotted' }, label: { position: 'insideEndTop', formatter: 'P80 ' + d.high } }
            ] } }
        ]
      },
      csv: [['sprint', 'committed', 'completed']].concat(
        d.sprints.map(function (s, i) { return [s, d.committed[i], d.completed[i]]; }))
    };
  }

  dragAndDrop();
  window.Hatrack.charts('data-sprint-chart', { burndown: burndown, velocity: velocity }, 'sprint-csv');
})();
