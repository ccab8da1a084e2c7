// Draws an indicator's charts from the JSON block the page carries (the CSP allows no inline script): a bar per
// subdivision, and a line over the last periods with the plan targets of the unit as dashed lines. Numbers are written
// as the page's language writes them (15.988 and 8,67 in Vietnamese), counts get whole-number ticks, and a hidden small
// count is written "< 5" where its bar or point would be, never drawn as zero.
(function () {
  function draw() {
    var block = document.getElementById('indicator-chart-data');
    if (!block || typeof Chart === 'undefined') {
      return;
    }
    var data = JSON.parse(block.textContent);
    var locale = document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN';
    var named = data.name + (data.unit ? ' (' + data.unit + ')' : '');
    var number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });

    function axis() {
      var ticks = { callback: function (v) { return number.format(v); } };
      if (data.whole) {
        ticks.precision = 0;
      }
      return { y: { beginAtZero: true, ticks: ticks } };
    }

    function tooltip(hidden) {
      return {
        callbacks: {
          label: function (item) {
            var shown = hidden && hidden[item.dataIndex] && item.datasetIndex === 0
              ? data.hidden : number.format(item.parsed.y);
            return item.dataset.label + ': ' + shown;
          }
        }
      };
    }

    // writes "< 5" above the axis where a value is hidden, so that a gap is not read as zero
    function hiddenMarks(hidden) {
      return {
        id: 'hiddenMarks',
        afterDatasetsDraw: function (chart) {
          var meta = chart.getDatasetMeta(0);
          var ctx = chart.ctx;
          ctx.save();
          ctx.fillStyle = '#444';
          ctx.textAlign = 'center';
          ctx.font = '12px sans-serif';
          hidden.forEach(function (isHidden, i) {
            if (isHidden && meta.data[i]) {
              ctx.fillText(data.hidden, meta.data[i].x, chart.scales.y.getPixelForValue(0) - 6);
            }
          });
          ctx.restore();
        }
      };
    }

    var units = document.getElementById('chart-units');
    if (units && data.subdivisions.labels.length) {
      new Chart(units, {
        type: 'bar',
        data: { labels: data.subdivisions.labels,
          datasets: [{ label: named, data: data.subdivisions.values, backgroundColor: '#1f6f8b' }] },
        options: { locale: locale, scales: axis(),
          plugins: { legend: { display: true, position: 'bottom' }, tooltip: tooltip(data.subdivisions.hidden) } },
        plugins: [hiddenMarks(data.subdivisions.hidden)]
      });
    }
    var time = document.getElementById('chart-time');
    if (time) {
      var datasets = [{ label: named, data: data.series.values, borderColor: '#1f6f8b', backgroundColor: '#1f6f8b',
        spanGaps: false }];
      var colours = ['#c0392b', '#e67e22', '#8e44ad', '#27ae60'];
      data.targets.forEach(function (t, i) {
        datasets.push({ label: t.label, data: t.values, borderColor: colours[i % colours.length], borderDash: [6, 4],
          pointStyle: 'rectRot', pointRadius: 6, showLine: false });
      });
      new Chart(time, {
        type: 'line',
        data: { labels: data.series.labels, datasets: datasets },
        options: { locale: locale, scales: axis(),
          plugins: { legend: { display: true, position: 'bottom' }, tooltip: tooltip(data.series.hidden) } },
        plugins: [hiddenMarks(data.series.hidden)]
      });
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
