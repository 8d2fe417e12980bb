/*
 * ReportRenderingTests appends this to a copy of report.html: once the charts are drawn,
 * it measures each chart's rendered SVG and writes its findings as JSON into
 * a pre element of id verdict, which Chromium's --dump-dom hands back to the test.
 */
(function () {
	'use strict';

	// A data item, as EChartsFigure writes it.
	var X = 0, PLOT_MIN = 2, PLOT_MAX = 3, RUNS = 4;

	/** A text's four corners on the page, turned as it is drawn. */
	function corners(text) {
		var box = text.getBBox();
		var matrix = text.getScreenCTM();
		return [[box.x, box.y], [box.x + box.width, box.y], [box.x + box.width, box.y + box.height],
			[box.x, box.y + box.height]].map(function (point) {
			var on = new DOMPoint(point[0], point[1]).matrixTransform(matrix);
			return [on.x, on.y];
		});
	}

	function project(polygon, nx, ny) {
		var values = polygon.map(function (point) {
			return point[0] * nx + point[1] * ny;
		});
		return { min: Math.min.apply(null, values), max: Math.max.apply(null, values) };
	}

	/**
	 * Whether two convex quadrilaterals overlap by more than slack pixels (separating
	 * axis theorem: they are apart if their shadows on some edge's normal are).
	 */
	function overlap(a, b, slack) {
		var polygons = [a, b];
		for (var p = 0; p < 2; p++) {
			for (var i = 0; i < 4; i++) {
				var from = polygons[p][i], to = polygons[p][(i + 1) % 4];
				var nx = to[1] - from[1], ny = from[0] - to[0];
				var length = Math.hypot(nx, ny);
				if (length === 0) {
					continue;
				}
				var shadowA = project(a, nx / length, ny / length), shadowB = project(b, nx / length, ny / length);
				if (shadowA.max - slack <= shadowB.min || shadowB.max - slack <= shadowA.min) {
					return false;
				}
			}
		}
		return true;
	}

	/** Every pair of texts (axis labels, axis names, legend, title) that overlap, and every text past the chart's edge. */
	function texts(svg, verdict) {
		var frame = svg.getBoundingClientRect();
		var drawn = Array.prototype.filter.call(svg.querySelectorAll('text'), function (text) {
			return text.textContent.trim() !== '' && text.getBBox().width > 0;
		}).map(function (text) {
			return { text: text.textContent, corners: corners(text) };
		});
		verdict.texts = drawn.length;
		verdict.labels = drawn.map(function (text) {
			return text.text;
		});
		verdict.overlaps = [];
		verdict.outside = [];
		for (var i = 0; i < drawn.length; i++) {
			for (var j = i + 1; j < drawn.length; j++) {
				if (overlap(drawn[i].corners, drawn[j].corners, 0.5)) {
					verdict.overlaps.push(drawn[i].text + ' / ' + drawn[j].text);
				}
			}
			var inside = drawn[i].corners.every(function (point) {
				return point[0] >= frame.left - 1 && point[0] <= frame.right + 1 && point[1] >= frame.top - 1
						&& point[1] <= frame.bottom + 1;
			});
			if (!inside) {
				verdict.outside.push(drawn[i].text);
			}
		}
	}

	/**
	 * Every point whose runs differ must have a drawn path spanning its range: from the
	 * highest run's pixel to the lowest's, within its category.
	 */
	function ranges(chart, svg, verdict) {
		var frame = svg.getBoundingClientRect();
		var paths = Array.prototype.map.call(svg.querySelectorAll('path'), function (path) {
			var box = path.getBoundingClientRect();
			return { left: box.left - frame.left, right: box.right - frame.left, top: box.top - frame.top,
				bottom: box.bottom - frame.top, used: false };
		});
		var option = chart.getOption();
		var band = chart.getModel().getComponent('xAxis', 0).axis.getBandWidth();
		verdict.ranges = { expected: 0, drawn: 0, missing: [] };
		option.series.forEach(function (series, index) {
			if (series.type !== 'custom') {
				return;
			}
			series.data.forEach(function (item) {
				if (!(item[RUNS] > 1) || !(item[PLOT_MAX] > item[PLOT_MIN])) {
					return;
				}
				verdict.ranges.expected++;
				var low = chart.convertToPixel({ seriesIndex: index }, [item[X], item[PLOT_MIN]]);
				var high = chart.convertToPixel({ seriesIndex: index }, [item[X], item[PLOT_MAX]]);
				var found = paths.find(function (path) {
					return !path.used && Math.abs(path.top - high[1]) <= 1.5 && Math.abs(path.bottom - low[1]) <= 1.5
							&& path.right - path.left <= 20 && Math.abs((path.left + path.right) / 2 - low[0]) <= band / 2;
				});
				if (found && low[1] - high[1] > 0) {
					found.used = true;
					verdict.ranges.drawn++;
				}
				else {
					verdict.ranges.missing.push(series.name + ' at ' + option.xAxis[0].data[item[X]]);
				}
			});
		});
	}

	/** What the tooltip says at the first value of the first series that shows in it (a whisker's does not). */
	function tooltip(chart, element, verdict) {
		var option = chart.getOption();
		var index = option.series.findIndex(function (series) {
			return !(series.tooltip && series.tooltip.show === false);
		});
		var dataIndex = option.series[index].data.findIndex(function (item) {
			return item[RUNS] > 0;
		});
		chart.dispatchAction({ type: 'showTip', seriesIndex: index, dataIndex: dataIndex });
		var tip = element.querySelector('.chart-tooltip');
		verdict.tooltip = tip ? tip.innerText : '';
		chart.dispatchAction({ type: 'hideTip' });
	}

	function probe() {
		var verdicts = [];
		document.querySelectorAll('figure.chart').forEach(function (figure) {
			var verdict = { id: figure.getAttribute('data-chart') };
			verdicts.push(verdict);
			try {
				var element = figure.querySelector('.plot');
				var chart = echarts.getInstanceByDom(element);
				var svg = element.querySelector('svg');
				if (!chart || !svg) {
					verdict.error = 'not drawn';
					return;
				}
				texts(svg, verdict);
				ranges(chart, svg, verdict);
				tooltip(chart, element, verdict);
			}
			catch (error) {
				verdict.error = String(error && error.stack || error);
			}
		});
		var pre = document.createElement('pre');
		pre.id = 'verdict';
		pre.textContent = JSON.stringify(verdicts);
		document.body.appendChild(pre);
	}

	window.addEventListener('load', function () {
		setTimeout(probe, 500);
	});
})();
