/* A small map with one point: the position on an initiative's profile ([data-point-map]), several points
 * (where an action has been done, [data-points-map]) and the point picker
 * of the initiative form ([data-point-picker]). Progressive enhancement: without this file the profile names
 * the place and the form takes the typed place.
 *
 * The picker works by keyboard: the map pans with the arrow keys and zooms with + and -, a cross marks its
 * centre, and a button sets the point there (a click on the map sets it too). The chosen point goes into the
 * form's hidden latitude/longitude fields and is announced in a live region.
 * Map tiles load only after consent, remembered under the same key as the network map's.
 */
(function () {
    "use strict";

    var configElement = document.getElementById("point-map-config");
    if (!configElement || typeof L === "undefined") {
        return;
    }
    var config = JSON.parse(configElement.textContent);
    var text = config.text;
    var CONSENT_KEY = "mitmach-hub:map-tiles";

    function element(tag, className, content) {
        var node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (content !== undefined && content !== null) {
            node.textContent = String(content);
        }
        return node;
    }

    function format(template, values) {
        return template.replace(/%\((\w+)\)s/g, function (match, key) {
            return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match;
        });
    }

    function coordinate(value, limit) {
        var number = value === "" || value === null || value === undefined ? NaN : Number(value);
        return isFinite(number) && Math.abs(number) <= limit ? number : null;
    }

    function consented() {
        try {
            return window.localStorage.getItem(CONSENT_KEY) === "yes";
        } catch (error) {
            return false;
        }
    }

    function addTiles(map, container) {
        function load() {
            var tiles = L.tileLayer(config.tiles.url, { attribution: config.tiles.attribution, maxZoom: 19 });
            tiles.on("tileerror", function () {
                notice.textContent = text.tileError;
            });
            tiles.addTo(map);
        }
        var notice = element("p", "point-map__notice");
        notice.setAttribute("role", "status");
        container.parentNode.insertBefore(notice, container.nextSibling);
        if (!config.tiles.consent || consented()) {
            load();
            return;
        }
        notice.textContent = text.tilesConsent + " ";
        var button = element("button", "button button--secondary", text.tilesLoad);
        button.type = "button";
        button.addEventListener("click", function () {
            try {
                window.localStorage.setItem(CONSENT_KEY, "yes");
            } catch (error) {
                /* private mode: load for this page only */
            }
            notice.textContent = "";
            load();
        });
        notice.appendChild(button);
    }

    function marker(lat, lng, label) {
        return L.circleMarker([lat, lng], {
            radius: 9,
            weight: 3,
            color: "#1b5e20",
            fillColor: "#43a047",
            fillOpacity: 0.9
        }).bindTooltip(document.createTextNode(label || text.marker)); /* text, never markup */
    }

    function showPoint(container) {
        var lat = coordinate(container.dataset.lat, 90);
        var lng = coordinate(container.dataset.lng, 180);
        if (lat === null || lng === null) {
            return;
        }
        container.hidden = false;
        var map = L.map(container, { scrollWheelZoom: false }).setView([lat, lng], 12);
        marker(lat, lng, container.dataset.label).addTo(map);
        addTiles(map, container);
    }

    /* Several points ([data-points-map]: the id of a list whose items carry data-lat, data-lng, data-label), e.g.
     * where an action has been done. The list stays the accessible form of the same information. */
    function showPoints(container) {
        var list = document.getElementById(container.dataset.pointsMap);
        var markers = [];
        if (list) {
            Array.prototype.forEach.call(list.querySelectorAll("[data-lat]"), function (item) {
                var lat = coordinate(item.dataset.lat, 90);
                var lng = coordinate(item.dataset.lng, 180);
                if (lat !== null && lng !== null) {
                    markers.push(marker(lat, lng, item.dataset.label));
                }
            });
        }
        if (!markers.length) {
            return;
        }
        container.hidden = false;
        var map = L.map(container, { scrollWheelZoom: false });
        var group = L.featureGroup(markers).addTo(map);
        if (markers.length === 1) {
            map.setView(group.getBounds().getCenter(), 9);
        } else {
            map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 10 });
        }
        addTiles(map, container);
    }

    function picker(fieldset) {
        var latInput = document.getElementById(fieldset.dataset.latInput);
        var lngInput = document.getElementById(fieldset.dataset.lngInput);
        if (!latInput || !lngInput) {
            return;
        }
        fieldset.hidden = false;
        fieldset.appendChild(element("p", "point-picker__help", text.help));
        var frame = element("div", "point-picker__frame");
        var container = element("div", "point-map point-map--picker");
        frame.appendChild(container);
        frame.appendChild(element("span", "point-picker__cross"));
        fieldset.appendChild(frame);
        var status = element("p", "point-picker__status");
        status.setAttribute("role", "status");
        var actions = element("p", "point-picker__actions");
        var setButton = element("button", "button button--secondary", text.setCentre);
        setButton.type = "button";
        var removeButton = element("button", "button button--secondary", text.remove);
        removeButton.type = "button";
        actions.appendChild(setButton);
        actions.appendChild(document.createTextNode(" "));
        actions.appendChild(removeButton);
        fieldset.appendChild(actions);
        fieldset.appendChild(status);

        var map = L.map(container, { keyboard: true, scrollWheelZoom: false });
        var current = null;

        function choose(lat, lng, announce) {
            lat = Math.round(lat * 1e5) / 1e5;
            lng = Math.round(lng * 1e5) / 1e5;
            latInput.value = String(lat);
            lngInput.value = String(lng);
            if (current) {
                current.setLatLng([lat, lng]);
            } else {
                current = marker(lat, lng).addTo(map);
            }
            removeButton.disabled = false;
            if (announce) {
                status.textContent = format(text.chosen, { lat: lat.toFixed(5), lng: lng.toFixed(5) });
            }
        }

        function clear() {
            latInput.value = "";
            lngInput.value = "";
            if (current) {
                map.removeLayer(current);
                current = null;
            }
            removeButton.disabled = true;
            status.textContent = text.none;
        }

        var lat = coordinate(latInput.value, 90);
        var lng = coordinate(lngInput.value, 180);
        if (lat !== null && lng !== null) {
            map.setView([lat, lng], 12);
            choose(lat, lng, true);
        } else {
            map.fitBounds(config.germany);
            clear();
        }
        setButton.addEventListener("click", function () {
            var centre = map.getCenter();
            choose(centre.lat, centre.lng, true);
        });
        removeButton.addEventListener("click", clear);
        map.on("click", function (event) {
            choose(event.latlng.lat, event.latlng.lng, true);
        });
        addTiles(map, frame);
    }

    Array.prototype.forEach.call(document.querySelectorAll("[data-point-map]"), showPoint);
    Array.prototype.forEach.call(document.querySelectorAll("[data-points-map]"), showPoints);
    Array.prototype.forEach.call(document.querySelectorAll("[data-point-picker]"), picker);
})();
