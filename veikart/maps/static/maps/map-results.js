/* The results map: published map inputs fetched for the visible box and zoom. Dense points come
   clustered from the server (a count in a circle); a toggle shows them as a heat map. Routes and
   areas are drawn. The list beside the map holds the same inputs and works without this script. */
(function () {
  "use strict";

  function init(el) {
    var d = el.dataset;
    VeikartMap.load(d.baseUrl).then(function (base) {
      el.hidden = false;
      el.setAttribute("aria-label", d.labelMap);
      var map = VeikartMap.create(el, base);
      var layer = L.layerGroup().addTo(map);
      var heat = null;
      var showHeat = false;
      var meta = el.parentNode.querySelector(".map-meta");
      var request = 0;

      var Toggle = L.Control.extend({
        options: { position: "topright" },
        onAdd: function () {
          var label = L.DomUtil.create("label", "map-heat-toggle leaflet-bar");
          var box = L.DomUtil.create("input", "", label);
          box.type = "checkbox";
          label.appendChild(document.createTextNode(" " + d.labelHeat));
          L.DomEvent.disableClickPropagation(label);
          box.addEventListener("change", function () { showHeat = box.checked; load(); });
          return label;
        },
      });
      new Toggle().addTo(map);

      function style(feature) {
        var cat = feature.properties.category || "none";
        return { className: "map-shape map-cat-" + cat, weight: feature.geometry.type === "LineString" ? 4 : 2 };
      }

      function draw(data) {
        layer.clearLayers();
        if (heat) { map.removeLayer(heat); heat = null; }
        var heatPoints = [];
        data.features.forEach(function (f) {
          var p = f.properties;
          if (f.geometry.type !== "Point") {
            L.geoJSON(f, { style: style }).bindPopup(escapeText(p.text)).addTo(layer);
            return;
          }
          var ll = [f.geometry.coordinates[1], f.geometry.coordinates[0]];
          heatPoints.push([ll[0], ll[1], p.count || 1]);
          if (showHeat) return;
          if (p.cluster) {
            var size = p.count < 10 ? "s" : p.count < 100 ? "m" : "l";
            var icon = L.divIcon({
              className: "map-cluster map-cluster-" + size + " map-cat-" + (p.category || "none"),
              html: "<span>" + p.count + "</span>",
              iconSize: null,
            });
            L.marker(ll, { icon: icon, keyboard: true, title: d.msgCount.replace("{n}", p.count) })
              .on("click", function () { map.setView(ll, Math.min(map.getZoom() + 2, 19)); })
              .addTo(layer);
          } else {
            L.circleMarker(ll, { radius: 7, className: "map-point map-cat-" + (p.category || "none") })
              .bindPopup(escapeText(p.text))
              .addTo(layer);
          }
        });
        if (showHeat && L.heatLayer) {
          var max = heatPoints.reduce(function (m, h) { return Math.max(m, h[2]); }, 1);
          heat = L.heatLayer(heatPoints, { radius: 25, blur: 18, max: max }).addTo(map);
        }
        if (meta) meta.textContent = data.meta.points + (data.meta.clustered ? " *" : "");
      }

      function escapeText(text) {
        var p = document.createElement("p");
        p.textContent = text || "";
        p.setAttribute("dir", "auto");
        return p;
      }

      function load() {
        var b = map.getBounds();
        var bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(5); }).join(",");
        var url = d.dataUrl + (d.dataUrl.indexOf("?") >= 0 ? "&" : "?") + "bbox=" + bbox + "&zoom=" + Math.round(map.getZoom());
        var mine = ++request;
        fetch(url, { headers: { Accept: "application/geo+json" }, credentials: "same-origin" })
          .then(function (r) { return r.json(); })
          .then(function (data) { if (mine === request) draw(data); });
      }
      map.on("moveend", load);
      load();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-map-results]").forEach(init);
  });
})();
