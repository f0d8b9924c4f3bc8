/* Veikart maps: the base map every map page shares. Offline by default: the areas' own
   outlines and named places; an online tile layer only where the municipality configured one. */
(function () {
  "use strict";

  function inRing(lon, lat, ring) {
    var inside = false;
    for (var i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      var xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
      if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
    return inside;
  }

  function polygons(geometry) {
    if (!geometry) return [];
    if (geometry.type === "Polygon") return [geometry.coordinates];
    if (geometry.type === "MultiPolygon") return geometry.coordinates;
    return [];
  }

  /* True if (lon, lat) is inside one of the areas (or there are no outlines at all). */
  function inside(base, lon, lat) {
    var features = base.areas.features;
    if (!features.length) return true;
    return features.some(function (f) {
      return polygons(f.geometry).some(function (rings) {
        return inRing(lon, lat, rings[0]) && !rings.slice(1).some(function (h) {
          return inRing(lon, lat, h);
        });
      });
    });
  }

  function nearestPlace(base, lon, lat) {
    var best = null, bestD = Infinity;
    base.places.forEach(function (p) {
      var d = Math.pow((p.lon - lon) * Math.cos((lat * Math.PI) / 180), 2) + Math.pow(p.lat - lat, 2);
      if (d < bestD) { bestD = d; best = p; }
    });
    return best && Math.sqrt(bestD) < 0.004 ? best : null;
  }

  function create(el, base, options) {
    var map = L.map(el, Object.assign({ zoomSnap: 0.5, keyboardPanDelta: 40 }, options || {}));
    if (base.tiles && base.tiles.url) {
      L.tileLayer(base.tiles.url, { maxZoom: 19, attribution: base.tiles.attribution || "" }).addTo(map);
    } else {
      el.classList.add("map-offline");
    }
    var outline = L.geoJSON(base.areas, {
      interactive: false,
      style: function () { return { className: "map-area-outline", weight: 2, fillOpacity: 0.06 }; },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(f.properties.name, { permanent: true, direction: "center", className: "map-area-label" });
      },
    }).addTo(map);
    var places = L.layerGroup().addTo(map);
    base.places.forEach(function (p) {
      L.circleMarker([p.lat, p.lon], { radius: 4, className: "map-place map-place-" + p.kind, interactive: false })
        .bindTooltip(p.name, { permanent: true, direction: "right", offset: [4, 0], className: "map-place-label" })
        .addTo(places);
    });
    function labels() { el.classList.toggle("map-zoomed-out", map.getZoom() < 14.5); }
    map.on("zoomend", labels);
    var bounds = outline.getBounds();
    if (bounds.isValid()) {
      map.fitBounds(bounds, { padding: [8, 8] });
    } else {
      map.setView([59.83, 10.43], 14);
    }
    labels();
    return map;
  }

  function load(url) {
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error("base map " + r.status);
      return r.json();
    });
  }

  window.VeikartMap = { create: create, load: load, inside: inside, nearestPlace: nearestPlace };
})();
