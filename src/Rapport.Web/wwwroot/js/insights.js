// The Insights page's islands: three charts (Chart.js) and the network graph (Cytoscape.js).
// Everything they show is also in the page's tables, which work without JavaScript.
(function () {
  'use strict';
  var dataElement = document.getElementById('insights-data');
  if (!dataElement) return;
  var data = JSON.parse(dataElement.textContent || '{}');
  var palette = ['#1b6ca8', '#e07a1f', '#2e9e5b', '#c23b3b', '#7b52ab', '#8c6d31', '#d45f9e', '#5f6b7a', '#17a2b8', '#9acd32', '#b8860b', '#4b0082'];

  function chart(name, config) {
    var holder = document.querySelector('[data-chart="' + name + '"] canvas');
    if (!holder || typeof Chart === 'undefined') return;
    holder.parentElement.classList.add('chart-on');
    new Chart(holder, config);
  }

  function drawCharts() {
    var shape = data.shape || [];
    chart('shape', {
      type: 'bar',
      data: {
        labels: shape.map(function (r) { return r.band; }),
        datasets: [
          { label: 'in your field', data: shape.map(function (r) { return r.inField; }), backgroundColor: palette[0] },
          { label: 'outside your field', data: shape.map(function (r) { return r.outOfField; }), backgroundColor: palette[1] },
          { label: 'field unknown', data: shape.map(function (r) { return r.unknownField; }), backgroundColor: palette[7] }
        ]
      },
      options: { responsive: true, maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }
    });
    var tiers = data.tiers || [];
    chart('tiers', {
      type: 'bar',
      data: {
        labels: tiers.map(function (t) { return t.tier; }),
        datasets: [
          { label: 'contacts (cumulative)', data: tiers.map(function (t) { return t.cumulativeCount; }), backgroundColor: tiers.map(function (t) { return t.overCapacity ? palette[3] : palette[2]; }) },
          { label: 'capacity', data: tiers.map(function (t) { return t.cumulativeCapacity; }), type: 'line', borderColor: palette[7], backgroundColor: palette[7] }
        ]
      },
      options: { responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } }
    });
    var diversity = data.diversity || [];
    chart('diversity', {
      type: 'bar',
      data: {
        labels: diversity.map(function (d) { return d.dimension; }),
        datasets: [
          { label: 'reach', data: diversity.map(function (d) { return d.reach; }), backgroundColor: palette[0] },
          { label: 'active ties', data: diversity.map(function (d) { return d.active; }), backgroundColor: palette[2] }
        ]
      },
      options: { responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, max: 1, title: { display: true, text: 'Blau index' } } } }
    });
  }

  var tierColours = { inner: '#c23b3b', close: '#e07a1f', active: '#2e9e5b', network: '#1b6ca8', acquaintance: '#9aa3ad' };

  function drawGraph() {
    var holder = document.getElementById('network-graph');
    var graph = data.graph;
    if (!holder || !graph || typeof cytoscape === 'undefined') return;
    var controls = document.querySelector('.graph-controls');
    if (controls) controls.hidden = false;
    holder.classList.add('graph-on');
    // One colour per industry however many there are: hues a golden angle apart stay distinct well past the palette's 12.
    var industryColour = {};
    (graph.industries || []).forEach(function (name, i) {
      industryColour[name] = i < palette.length ? palette[i] : 'hsl(' + Math.round((i * 137.508) % 360) + ', 55%, 42%)';
    });
    var elements = [];
    graph.nodes.forEach(function (n) {
      elements.push({ group: 'nodes', data: { id: 'c' + n.id, label: n.name, strength: n.strength, tier: n.tier, industry: n.industry || '', band: n.band, company: n.company || '' } });
    });
    graph.edges.forEach(function (e, i) {
      elements.push({ group: 'edges', data: { id: 'e' + i, source: 'c' + e.source, target: 'c' + e.target, inferred: e.inferred, reason: e.reason || e.kind } });
    });
    var cy = cytoscape({
      container: holder,
      elements: elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: 'node', style: {
          'width': 'mapData(strength, 0, 1, 8, 48)', 'height': 'mapData(strength, 0, 1, 8, 48)',
          'background-color': '#1b6ca8', 'label': 'data(label)', 'font-size': 9, 'color': '#222',
          'text-valign': 'bottom', 'text-margin-y': 2, 'min-zoomed-font-size': 8 } },
        { selector: 'edge', style: { 'width': 1, 'line-color': '#b9c0c8', 'curve-style': 'haystack', 'opacity': 0.7 } },
        { selector: 'edge[?inferred]', style: { 'line-style': 'dashed', 'line-color': '#d9a441' } },
        { selector: '.hidden', style: { 'display': 'none' } },
        { selector: 'node:selected', style: { 'border-width': 3, 'border-color': '#111' } }
      ],
      layout: { name: 'concentric', concentric: function (n) { return n.data('strength'); }, levelWidth: function () { return 0.1; }, minNodeSpacing: 6, animate: false }
    });

    var colourBy = document.getElementById('graph-colour');
    var tierFilter = document.getElementById('graph-tier');
    var industryFilter = document.getElementById('graph-industry');
    var minStrength = document.getElementById('graph-min');
    var showInferred = document.getElementById('graph-inferred');

    var noIndustry = '#d3d8de';
    var legend = document.getElementById('graph-legend');
    var minValue = document.getElementById('graph-min-value');
    var selected = document.getElementById('graph-selected');

    function drawLegend(by) {
      if (!legend) return;
      var colours = by === 'industry' ? Object.assign({}, industryColour, { 'no industry': noIndustry }) : tierColours;
      legend.textContent = '';
      Object.keys(colours).forEach(function (name) {
        var item = document.createElement('li');
        var swatch = document.createElement('span');
        swatch.className = 'swatch';
        swatch.style.backgroundColor = colours[name];
        item.appendChild(swatch);
        item.appendChild(document.createTextNode(name));
        legend.appendChild(item);
      });
      legend.hidden = false;
    }

    function apply() {
      var by = colourBy ? colourBy.value : 'tier';
      drawLegend(by);
      if (minValue && minStrength) minValue.textContent = parseFloat(minStrength.value).toFixed(2);
      var tier = tierFilter ? tierFilter.value : '';
      var industry = industryFilter ? industryFilter.value : '';
      var min = minStrength ? parseFloat(minStrength.value) : 0;
      cy.batch(function () {
        cy.nodes().forEach(function (n) {
          var colour = by === 'industry' ? (industryColour[n.data('industry')] || noIndustry) : (tierColours[n.data('tier')] || '#9aa3ad');
          n.style('background-color', colour);
          var visible = (!tier || n.data('tier') === tier) && (!industry || n.data('industry') === industry) && n.data('strength') >= min;
          n.toggleClass('hidden', !visible);
        });
        cy.edges().forEach(function (e) {
          var visible = !e.source().hasClass('hidden') && !e.target().hasClass('hidden') && (showInferred.checked || !e.data('inferred'));
          e.toggleClass('hidden', !visible);
        });
      });
    }
    [colourBy, tierFilter, industryFilter, minStrength, showInferred].forEach(function (el) { if (el) el.addEventListener('input', apply); });
    // A tapped contact is named below the graph, with a link to their page.
    cy.on('tap', 'node', function (evt) {
      var n = evt.target;
      if (!selected) return;
      selected.textContent = '';
      var link = document.createElement('a');
      link.href = '/people/' + n.id().slice(1);
      link.textContent = n.data('label');
      selected.appendChild(link);
      selected.appendChild(document.createTextNode(': ' + n.data('tier') + ' tier, ' + n.data('band') + ', strength ' + Number(n.data('strength')).toFixed(2) + (n.data('company') ? ', ' + n.data('company') : '')));
      selected.hidden = false;
    });
    apply();
  }

  function start() { drawCharts(); drawGraph(); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
