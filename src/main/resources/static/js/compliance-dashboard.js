// The compliance dashboard's bar charts: completeness percent, with red and amber case counts. The data comes in
// each chart element's data-chart attribute, since the Content-Security-Policy allows no inline script.
document.addEventListener('DOMContentLoaded', function () {
	document.querySelectorAll('.compliance-chart').forEach(function (element) {
		var data = JSON.parse(element.getAttribute('data-chart'));
		var chart = echarts.init(element);
		chart.setOption({
			tooltip: { trigger: 'axis' },
			legend: { data: ['%', 'red', 'amber'] },
			grid: { left: 40, right: 40, bottom: 60 },
			xAxis: { type: 'category', data: data.labels, axisLabel: { rotate: 30 } },
			yAxis: [{ type: 'value', max: 100, name: '%' }, { type: 'value', name: '#' }],
			series: [
				{ name: '%', type: 'bar', data: data.percent, itemStyle: { color: '#198754' } },
				{ name: 'red', type: 'line', yAxisIndex: 1, data: data.red, itemStyle: { color: '#dc3545' } },
				{ name: 'amber', type: 'line', yAxisIndex: 1, data: data.amber, itemStyle: { color: '#ffc107' } }
			]
		});
		window.addEventListener('resize', function () { chart.resize(); });
	});
});
