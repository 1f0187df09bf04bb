// Inspection pages: the ledger's and overview's bar charts (pass rate and failed checks), with data in each chart
// element's data-chart attribute since the Content-Security-Policy allows no inline script; and on the review page,
// the button that takes the player's current position into a note.
document.addEventListener('DOMContentLoaded', function () {
	if (window.echarts) {
		document.querySelectorAll('.inspection-chart').forEach(function (element) {
			var data = JSON.parse(element.getAttribute('data-chart'));
			var chart = echarts.init(element);
			chart.setOption({
				tooltip: { trigger: 'axis' },
				legend: { data: ['%', '#', 'x'] },
				grid: { left: 40, right: 40, bottom: 60 },
				xAxis: { type: 'category', data: data.labels, axisLabel: { rotate: 30 } },
				yAxis: [{ type: 'value', max: 100, name: '%' }, { type: 'value', name: '#' }],
				series: [
					{ name: '%', type: 'bar', data: data.percent, itemStyle: { color: '#198754' } },
					{ name: '#', type: 'bar', yAxisIndex: 1, data: data.checks, itemStyle: { color: '#0d6efd' } },
					{ name: 'x', type: 'bar', yAxisIndex: 1, data: data.failed, itemStyle: { color: '#dc3545' } }
				]
			});
			window.addEventListener('resize', function () { chart.resize(); });
		});
	}
	var take = document.getElementById('note-take-time');
	if (take) {
		take.addEventListener('click', function () {
			var media = document.querySelector('.recording-media');
			if (media && typeof media.currentTime === 'number') {
				document.getElementById('note-at').value = Math.floor(media.currentTime);
			}
		});
	}
});
