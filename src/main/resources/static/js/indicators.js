// Draws an indicator's charts from the JSON block the page carries (the CSP allows no inline script):
// a bar per subdivision, and a line over the last periods with the plan targets of the unit as dashed lines.
(function () {
  function draw() {
    var block = document.getElementById('indicator-chart-data');
    if (!block || typeof Chart === 'undefined') {
      return;
    }
    var data = JSON.parse(block.textContent);
    var unit = data.unit ? ' (' + data.unit + ')' : '';
    var units = document.getElementById('chart-units');
    if (units && data.subdivisions.labels.length) {
      new Chart(units, {
        type: 'bar',
        data: { labels: data.subdivisions.labels, datasets: [{ label: unit, data: data.subdivisions.values, backgroundColor: '#1f6f8b' }] },
        options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true } } }
      });
    }
    var time = document.getElementById('chart-time');
    if (time) {
      var datasets = [{ label: unit, data: data.series.values, borderColor: '#1f6f8b', backgroundColor: '#1f6f8b', spanGaps: false }];
      var colours = ['#c0392b', '#e67e22', '#8e44ad', '#27ae60'];
      data.targets.forEach(function (t, i) {
        datasets.push({ label: t.label, data: t.values, borderColor: colours[i % colours.length], borderDash: [6, 4],
          pointStyle: 'rectRot', pointRadius: 6, showLine: false });
      });
      new Chart(time, {
        type: 'line',
        data: { labels: data.series.labels, datasets: datasets },
        options: { scales: { y: { beginAtZero: true } } }
      });
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
