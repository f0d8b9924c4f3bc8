/* The map input: draw a point, a route or an area by mouse, touch or keyboard (a cross in the
   middle of the map: arrow keys move the map under it, Enter puts a point there). The drawing is
   written as GeoJSON into the form's geometry field; the page works without this script. */
(function () {
  "use strict";

  function fmt(template, n) { return template.replace("{n}", n); }

  function init(root) {
    var canvas = root.querySelector(".map-input-canvas");
    var toolbar = root.querySelector(".map-toolbar");
    var status = root.querySelector(".map-status");
    var error = root.querySelector("[data-map-error]");
    var field = root.querySelector(".map-geometry");
    var placeSelect = root.querySelector("select[name$='place']");
    var d = root.dataset;

    VeikartMap.load(d.baseUrl).then(function (base) {
      canvas.hidden = false;
      toolbar.hidden = false;
      root.querySelectorAll(".map-js-only").forEach(function (e) { e.hidden = false; });
      canvas.setAttribute("aria-label", d.labelMap);
      canvas.setAttribute("role", "application");
      var map = VeikartMap.create(canvas, base);
      var cross = document.createElement("div");
      cross.className = "map-crosshair";
      cross.setAttribute("aria-hidden", "true");
      canvas.appendChild(cross);

      var mode = "point";
      var vertices = [];
      var layer = null;

      function button(name, label, action) {
        var b = document.createElement("button");
        b.type = "button";
        b.className = "button-small map-tool map-tool-" + name;
        b.textContent = label;
        b.addEventListener("click", action);
        toolbar.appendChild(b);
        return b;
      }
      var modeButtons = {
        point: button("point", d.labelPoint, function () { setMode("point"); }),
        line: button("line", d.labelRoute, function () { setMode("line"); }),
        polygon: button("polygon", d.labelArea, function () { setMode("polygon"); }),
      };
      button("undo", d.labelUndo, function () { vertices.pop(); redraw(); write(); say(describe()); });
      button("clear", d.labelClear, function () { vertices = []; redraw(); write(); say(d.msgCleared); });

      function setMode(m) {
        if (m !== mode) { vertices = []; redraw(); write(); }
        mode = m;
        Object.keys(modeButtons).forEach(function (k) {
          modeButtons[k].setAttribute("aria-pressed", String(k === m));
        });
      }
      setMode("point");

      function say(text) { status.textContent = text; }
      function showError(text) {
        error.textContent = text;
        error.hidden = !text;
      }

      function geometry() {
        var c = vertices.map(function (v) { return [v[0], v[1]]; });
        if (mode === "point" && c.length) return { type: "Point", coordinates: c[c.length - 1] };
        if (mode === "line" && c.length >= 2) return { type: "LineString", coordinates: c };
        if (mode === "polygon" && c.length >= 3) return { type: "Polygon", coordinates: [c.concat([c[0]])] };
        return null;
      }
      function write() {
        var g = geometry();
        field.value = g ? JSON.stringify(g) : "";
        if (g && placeSelect) placeSelect.value = "";
      }
      function redraw() {
        if (layer) { map.removeLayer(layer); layer = null; }
        var g = geometry();
        var latlngs = vertices.map(function (v) { return [v[1], v[0]]; });
        if (mode === "point" && latlngs.length) {
          layer = L.circleMarker(latlngs[latlngs.length - 1], { radius: 9, className: "map-drawn map-drawn-point" });
        } else if (g && mode === "line") {
          layer = L.polyline(latlngs, { className: "map-drawn map-drawn-line", weight: 5 });
        } else if (g && mode === "polygon") {
          layer = L.polygon(latlngs, { className: "map-drawn map-drawn-area", weight: 3 });
        } else if (latlngs.length) {
          layer = L.layerGroup(latlngs.map(function (ll) {
            return L.circleMarker(ll, { radius: 5, className: "map-drawn map-drawn-vertex" });
          }));
        }
        if (layer) layer.addTo(map);
      }
      function describe() {
        var n = vertices.length;
        if (!n) return d.msgCleared;
        var last = vertices[n - 1];
        var near = VeikartMap.nearestPlace(base, last[0], last[1]);
        var where = last[1].toFixed(5) + ", " + last[0].toFixed(5) + (near ? " (" + d.msgNear + " " + near.name + ")" : "");
        if (mode === "point") return d.msgPoint + ": " + where;
        if (mode === "line") return fmt(d.msgRoute, n) + ". " + where;
        return fmt(d.msgArea, n) + ". " + where;
      }
      function add(lon, lat) {
        lon = Math.round(lon * 1e6) / 1e6;
        lat = Math.round(lat * 1e6) / 1e6;
        if (!VeikartMap.inside(base, lon, lat)) {
          showError(d.msgOutside);
          say(d.msgOutside);
          return;
        }
        showError("");
        if (mode === "point") vertices = [];
        vertices.push([lon, lat]);
        redraw();
        write();
        say(describe());
      }

      map.on("click", function (e) { add(e.latlng.lng, e.latlng.lat); });
      canvas.addEventListener("keydown", function (e) {
        if (e.target !== canvas) return;
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          var c = map.getCenter();
          add(c.lng, c.lat);
        }
      });
      if (placeSelect) {
        placeSelect.addEventListener("change", function () {
          var p = base.places.filter(function (x) { return String(x.id) === placeSelect.value; })[0];
          if (!p) return;
          setMode("point");
          vertices = [[p.lon, p.lat]];
          redraw();
          field.value = "";
          map.panTo([p.lat, p.lon]);
          say(d.msgPoint + ": " + p.name);
        });
      }
      // Show what the form already holds (after a refused submit, or typed by hand).
      try {
        var g = field.value ? JSON.parse(field.value) : null;
        if (g && g.type === "Point") { vertices = [g.coordinates]; }
        else if (g && g.type === "LineString") { setMode("line"); vertices = g.coordinates.slice(); }
        else if (g && g.type === "Polygon") { setMode("polygon"); vertices = g.coordinates[0].slice(0, -1); }
        redraw();
      } catch (err) { /* the server has said what is wrong with the text */ }
    }).catch(function () { /* without the base map the list and the text field remain */ });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-map-input]").forEach(init);
  });
})();
