// The compliance dashboard's bar charts: completeness percent, with red, amber and overdue case counts. The data comes in
// each chart element's data-chart attribute and the legend's words in its data-legend-* attributes (the page's
// language, from the message bundles), since the Content-Security-Policy allows no inline script. Units and officers
// are categories, drawn as bars only (a line between two units means nothing); months are a series, drawn as lines.
document.addEventListener('DOMContentLoaded', function () {
	document.querySelectorAll('.compliance-chart').forEach(function (element) {
		var data = JSON.parse(element.getAttribute('data-chart'));
		var percent = element.getAttribute('data-legend-percent') || '%';
		var red = element.getAttribute('data-legend-red') || '';
		var amber = element.getAttribute('data-legend-amber') || '';
		var overdue = element.getAttribute('data-legend-overdue') || '';
		var counts = element.getAttribute('data-series') === 'time' ? 'line' : 'bar';
		var chart = echarts.init(element);
		chart.setOption({
			// no growing bars for those who asked their system for less motion (and for the README's screenshots)
			animation: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
			tooltip: { trigger: 'axis' },
			legend: { data: [percent, red, amber, overdue] },
			// room above the bars for a legend that wraps onto a second line in a narrow card or on a phone
			grid: { left: 40, right: 40, top: 80, bottom: 60 },
			xAxis: { type: 'category', data: data.labels, axisLabel: { rotate: 30 } },
			yAxis: [{ type: 'value', max: 100, name: '%' }, { type: 'value', name: '#' }],
			series: [
				{ name: percent, type: 'bar', data: data.percent, itemStyle: { color: '#198754' } },
				{ name: red, type: counts, yAxisIndex: 1, data: data.red, itemStyle: { color: '#dc3545' } },
				{ name: amber, type: counts, yAxisIndex: 1, data: data.amber, itemStyle: { color: '#ffc107' } },
				// cases with a finding past its deadline: dark red, the most urgent
				{ name: overdue, type: counts, yAxisIndex: 1, data: data.overdue, itemStyle: { color: '#58151c' } }
			]
		});
		window.addEventListener('resize', function () { chart.resize(); });
	});
});
