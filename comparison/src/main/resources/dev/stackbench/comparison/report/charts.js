/*
 * stackbench's report: draws every figure.chart with Apache ECharts (SVG renderer) from
 * the option JSON beside it (EChartsFigure), adding what JSON cannot hold: the functions
 * that draw a bar with its whisker, a line's whiskers and the tooltip, and the x labels'
 * layout (level, broken into lines or turned), from their widths measured in the chart's
 * font.
 */
(function () {
	'use strict';

	// A data item, as EChartsFigure writes it: the category, the median, lowest and highest
	// run as plotted, and the number of runs.
	var X = 0, PLOT = 1, PLOT_MIN = 2, PLOT_MAX = 3, RUNS = 4;

	/** ECharts' default label font, and its line's height. */
	var FONT = '12px sans-serif';
	var LINE = 14;

	/** The plot's height, whatever room its x labels take below it. */
	var PLOT_HEIGHT = 220;

	/** Room the y axis' labels take beside the plot, at most. */
	var Y_LABELS = 60;

	var context = document.createElement('canvas').getContext('2d');
	context.font = FONT;

	function escape(text) {
		return String(text).replace(/[&<>"']/g, function (c) {
			return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
		});
	}

	/**
	 * The path of a whisker from the lowest to the highest run at x, with caps; none for
	 * one run, or runs that agree.
	 */
	function whisker(api, x, cap) {
		if (!(api.value(RUNS) > 1) || !(api.value(PLOT_MAX) > api.value(PLOT_MIN))) {
			return null;
		}
		var low = api.coord([api.value(X), api.value(PLOT_MIN)])[1];
		var high = api.coord([api.value(X), api.value(PLOT_MAX)])[1];
		return 'M' + x + ',' + low + 'V' + high + 'M' + (x - cap) + ',' + low + 'H' + (x + cap) + 'M' + (x - cap)
				+ ',' + high + 'H' + (x + cap);
	}

	/**
	 * A bar at the median with its whisker, beside the bars of the other stacks still
	 * shown: the group closes up when the legend hides a stack.
	 */
	function bar(option) {
		var bars = [];
		option.series.forEach(function (series, index) {
			if (series.stackbench.role === 'bar') {
				bars.push(index);
			}
		});
		return function (params, api) {
			var shown = api.currentSeriesIndices().filter(function (index) {
				return bars.indexOf(index) >= 0;
			});
			var position = shown.indexOf(params.seriesIndex);
			var band = api.size([1, 0])[0];
			var width = band * 0.8 / Math.max(1, shown.length);
			var left = api.coord([api.value(X), 0])[0] - band * 0.4 + position * width;
			var top = api.coord([api.value(X), api.value(PLOT)])[1];
			var bottom = api.coord([api.value(X), 0])[1];
			var gap = Math.min(2, width * 0.1);
			var children = [{
				type: 'rect',
				shape: { x: left + gap / 2, y: top, width: width - gap, height: Math.max(0, bottom - top) },
				style: { fill: api.visual('color') }
			}];
			var path = whisker(api, left + width / 2, Math.min(width * 0.25, 8));
			if (path) {
				children.push({ type: 'path', shape: { pathData: path }, style: { stroke: '#222', lineWidth: 1.5, fill: null } });
			}
			return { type: 'group', children: children };
		};
	}

	/** A line's whisker at one point, set aside a little from the other stacks'. */
	function range(option) {
		return function (params, api) {
			var dodge = option.series[params.seriesIndex].stackbench.dodge;
			var path = whisker(api, api.coord([api.value(X), api.value(PLOT)])[0] + dodge, 4);
			return path ? { type: 'path', shape: { pathData: path }, style: { stroke: api.visual('color'), lineWidth: 1.5, fill: null } } : null;
		};
	}

	/** Every series' value at the category hovered: the median, and its range over runs. */
	function tooltip(option) {
		var meta = option.stackbench;
		return function (params) {
			var shown = (Array.isArray(params) ? params : [params]).filter(function (item) {
				return Array.isArray(item.value) && item.value[RUNS] > 0;
			});
			if (shown.length === 0) {
				return '';
			}
			var category = option.xAxis.data[shown[0].value[X]];
			var lines = [escape(meta.xName ? meta.xName + ': ' + category : category)];
			shown.forEach(function (item) {
				var series = option.series[item.seriesIndex].stackbench;
				lines.push(item.marker + escape(series.label) + ': ' + escape(series.tips[item.dataIndex]));
			});
			return lines.join('<br>');
		};
	}

	function width(text) {
		return context.measureText(text).width;
	}

	/**
	 * A label's lines, words filled in up to a width; none if a word alone is wider.
	 */
	function wrap(label, room) {
		var lines = [];
		var words = label.split(' ');
		for (var i = 0; i < words.length; i++) {
			if (width(words[i]) > room) {
				return null;
			}
			var last = lines.length - 1;
			if (last >= 0 && width(lines[last] + ' ' + words[i]) <= room) {
				lines[last] += ' ' + words[i];
			}
			else {
				lines.push(words[i]);
			}
		}
		return lines;
	}

	/**
	 * Every x label shown: level while the widest fits its slot; else broken into at most
	 * three lines between words where they fit; else turned just enough that neighbours
	 * clear each other, the plot moved right for the first label to stay in the chart.
	 * The axis' name goes below them, and the chart is as tall as its labels need.
	 */
	function layout(option, element) {
		var labels = option.xAxis.data;
		var slot = (element.clientWidth - option.grid.left - option.grid.right - Y_LABELS) / Math.max(1, labels.length);
		var room = slot - 10;
		var widest = Math.max.apply(null, labels.map(width).concat([0]));
		var label = option.xAxis.axisLabel;
		var margin = 8;
		var height = LINE;
		if (widest > room) {
			var wrapped = labels.map(function (text) {
				return wrap(text, room);
			});
			var lines = Math.max.apply(null, wrapped.map(function (broken) {
				return broken ? broken.length : Infinity;
			}));
			if (lines <= 3) {
				label.formatter = function (value, index) {
					return wrapped[index].join('\n');
				};
				label.lineHeight = LINE;
				height = lines * LINE;
			}
			else {
				label.rotate = [30, 45, 60, 90].find(function (angle) {
					return slot * Math.sin(angle * Math.PI / 180) >= LINE + 6;
				}) || 90;
				var radians = label.rotate * Math.PI / 180;
				height = widest * Math.sin(radians) + LINE * Math.cos(radians);
				// A turned label ends at its tick: the first reaches left of its slot.
				var reach = width(labels[0]) * Math.cos(radians) + LINE * Math.sin(radians) - slot / 2;
				option.grid.left = Math.max(option.grid.left, Math.ceil(reach + 4));
			}
		}
		label.margin = margin;
		option.xAxis.nameGap = Math.ceil(margin + height + 10);
		option.grid.bottom = option.xAxis.name ? LINE + 16 : 10;
		element.style.height = Math.ceil(option.grid.top + PLOT_HEIGHT + margin + height + option.grid.bottom) + 'px';
	}

	function draw(figure) {
		var option = JSON.parse(figure.querySelector('script.chart-option').textContent);
		var element = figure.querySelector('.plot');
		layout(option, element);
		option.series.forEach(function (series) {
			if (series.renderItem === 'bar') {
				series.renderItem = bar(option);
			}
			else if (series.renderItem === 'range') {
				series.renderItem = range(option);
			}
		});
		option.tooltip.formatter = tooltip(option);
		echarts.init(element, null, { renderer: 'svg' }).setOption(option);
	}

	document.querySelectorAll('figure.chart').forEach(draw);
})();
