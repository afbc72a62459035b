/* The network map ("Vernetzungslandkarte") on the RegionIndexPage: progressive enhancement.
 *
 * Without this file the page still works: the filters and "near me" are plain GET forms and the list below
 * the map holds every entry. With it:
 * - a Leaflet map shows the entries of the current view, loaded from the GeoJSON API with the form's
 *   filters and the view's bbox (debounced after every move); individual points are clustered in the
 *   browser (Leaflet.markercluster), clusters computed by the server (above its feature limit) are numbered
 *   markers that zoom in when chosen;
 * - changing a filter updates the map, the list (fetched from the server) and the URL at once; the URL
 *   keeps layer, field and the view (lat, lng, zoom) through history.replaceState;
 * - "use my location" fills the "near me" field with coordinates (rounded to about 1 km).
 * Data from the API never goes through innerHTML: popups and icons are built with DOM nodes and textContent.
 */
(function () {
    "use strict";

    var configElement = document.getElementById("map-config");
    if (!configElement) {
        return;
    }
    var config = JSON.parse(configElement.textContent);
    var text = config.text;
    var filterForm = document.querySelector("[data-map-filters]");
    var nearForm = document.querySelector("[data-near-form]");
    var VIEW_PARAMS = ["lat", "lng", "zoom"];

    function format(template, values) {
        return template.replace(/%\((\w+)\)s/g, function (match, key) {
            return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : match;
        });
    }

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

    function safeColour(value) {
        return /^#[0-9a-fA-F]{6}$/.test(value || "") ? value : null;
    }

    function safeUrl(value) {
        /* Our own pages: a path on this site, or an absolute http(s) address. Never javascript: and friends. */
        return typeof value === "string" && /^(\/(?!\/)|https?:\/\/)/.test(value) ? value : null;
    }

    function token(value) {
        return String(value || "").replace(/[^a-z0-9-]/g, "");
    }

    function number(value) {
        return Number(value).toLocaleString(document.documentElement.lang || "de");
    }

    function selectedFilters() {
        var data = new FormData(filterForm);
        return { layers: data.getAll("layer"), fields: data.getAll("field") };
    }

    function allLayersSelected(layers) {
        return layers.length === 0 || layers.length === filterForm.querySelectorAll("input[name='layer']").length;
    }

    function setFilterParams(params, filters) {
        params.delete("layer");
        params.delete("field");
        if (!allLayersSelected(filters.layers)) {
            filters.layers.forEach(function (layer) {
                params.append("layer", layer);
            });
        }
        filters.fields.forEach(function (slug) {
            params.append("field", slug);
        });
    }

    /* --- "Use my location" (works without the map) --------------------------------------------------- */

    if (nearForm && navigator.geolocation) {
        var locateButton = nearForm.querySelector("[data-locate]");
        var locateStatus = nearForm.querySelector("[data-locate-status]");
        var nearInput = nearForm.querySelector("input[name='near']");
        if (locateButton && nearInput) {
            locateButton.hidden = false;
            locateButton.addEventListener("click", function () {
                if (locateStatus) {
                    locateStatus.textContent = text.locating;
                }
                navigator.geolocation.getCurrentPosition(
                    function (position) {
                        /* Two decimals (about 1 km) are plenty to find the nearest region. */
                        nearInput.value =
                            position.coords.latitude.toFixed(2) + ", " + position.coords.longitude.toFixed(2);
                        if (typeof nearForm.requestSubmit === "function") {
                            nearForm.requestSubmit();
                        } else {
                            nearForm.submit();
                        }
                    },
                    function () {
                        if (locateStatus) {
                            locateStatus.textContent = text.locateError;
                        }
                        nearInput.focus();
                    },
                    { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 }
                );
            });
        }
    }

    /* --- The map --------------------------------------------------------------------------------------- */

    var container = document.querySelector("[data-map]");
    if (!container || !filterForm || typeof L === "undefined" || typeof L.markerClusterGroup !== "function") {
        return;
    }
    var notice = document.querySelector("[data-map-notice]");
    var shownNotices = {};

    function showNotice(message) {
        if (!notice || shownNotices[message]) {
            return;
        }
        shownNotices[message] = true;
        notice.hidden = false;
        notice.appendChild(element("span", "network-map__notice-line", message));
    }

    /* An icon whose element carries an accessible name: markers are focusable buttons (keyboard: true). */
    var LabelledIcon = L.DivIcon.extend({
        options: { label: "" },
        createIcon: function (oldIcon) {
            var div = L.DivIcon.prototype.createIcon.call(this, oldIcon);
            if (this.options.label) {
                div.setAttribute("aria-label", this.options.label);
                div.title = this.options.label;
            }
            return div;
        }
    });

    container.hidden = false;
    var map = L.map(container, {
        minZoom: 3,
        maxZoom: 18,
        maxBounds: [[-85, -180], [85, 180]],
        maxBoundsViscosity: 1
    });

    (function setInitialView() {
        var params = new URLSearchParams(window.location.search);
        function read(name, min, max) {
            var raw = params.get(name);
            var value = raw === null || raw === "" ? NaN : Number(raw);
            return isFinite(value) && value >= min && value <= max ? value : null;
        }
        var lat = read("lat", -85, 85);
        var lng = read("lng", -180, 180);
        var zoom = read("zoom", 3, 18);
        if (lat !== null && lng !== null && zoom !== null) {
            map.setView([lat, lng], Math.round(zoom));
        } else if (config.near) {
            map.setView([config.near.lat, config.near.lng], 9);
        } else {
            map.fitBounds(config.germany);
        }
    })();

    var CONSENT_KEY = "mitmach-hub:map-tiles";

    function loadTiles() {
        var tiles = L.tileLayer(config.tiles.url, { attribution: config.tiles.attribution, maxZoom: 19 });
        tiles.on("tileerror", function () {
            showNotice(text.tileError);
        });
        tiles.addTo(map);
    }

    function rememberedConsent() {
        try {
            return window.localStorage.getItem(CONSENT_KEY) === "yes";
        } catch (error) {
            return false;
        }
    }

    /* The tile server learns the visitor's IP address with every tile: ask first, remember the answer. */
    function askForTiles() {
        var box = element("div", "network-map__notice network-map__consent");
        box.appendChild(element("p", null, text.tilesConsent));
        var button = element("button", "button button--secondary", text.tilesLoad);
        button.type = "button";
        button.addEventListener("click", function () {
            try {
                window.localStorage.setItem(CONSENT_KEY, "yes");
            } catch (error) {
                /* private mode: load for this page only */
            }
            box.remove();
            loadTiles();
        });
        box.appendChild(button);
        container.parentNode.insertBefore(box, container.nextSibling);
    }

    if (!config.tiles.consent || rememberedConsent()) {
        loadTiles();
    } else {
        askForTiles();
    }

    function sizeOf(count) {
        return count < 10 ? "small" : count < 100 ? "medium" : "large";
    }

    function clusterLabel(count) {
        return format(text.cluster, { count: number(count) });
    }

    /* Regions, initiatives and member cards share one cluster group: a region's marker sits among its
     * initiatives, and markers on top of each other would leave neither big enough to hit (WCAG 2.5.8). */
    var serverClusterLayer = L.layerGroup().addTo(map);
    var pointLayer = L.markerClusterGroup({
        disableClusteringAtZoom: config.clusterOffZoom,
        showCoverageOnHover: false,
        chunkedLoading: true,
        iconCreateFunction: function (cluster) {
            var count = cluster.getChildCount();
            var inner = element("div");
            inner.appendChild(element("span", null, number(count)));
            return new LabelledIcon({
                className: "marker-cluster marker-cluster-" + sizeOf(count),
                html: inner,
                iconSize: L.point(40, 40),
                label: clusterLabel(count)
            });
        }
    }).addTo(map);
    pointLayer.on("clusterkeypress", function (event) {
        if (event.originalEvent && event.originalEvent.key === "Enter") {
            event.layer.zoomToBounds({ padding: [24, 24] });
        }
    });

    function popupContent(properties) {
        var root = element("div", "map-popup");
        var kind = properties.kind_label;
        root.appendChild(element("p", "map-popup__kind", kind));
        root.appendChild(element("p", "map-popup__name", properties.name));
        if (properties.status_label) {
            root.appendChild(element("p", "map-popup__status", text.status + ": " + properties.status_label));
        }
        if (properties.place) {
            root.appendChild(element("p", "map-popup__place", properties.place));
        }
        if (properties.fields && properties.fields.length) {
            var list = element("ul", "badges map-popup__fields");
            list.setAttribute("aria-label", text.fields);
            properties.fields.forEach(function (field) {
                var item = element("li");
                var badge = element("span", "badge badge--field", field.name);
                var colour = safeColour(field.colour);
                if (colour) {
                    badge.style.setProperty("--badge", colour);
                }
                item.appendChild(badge);
                list.appendChild(item);
            });
            root.appendChild(list);
        }
        if (properties.layer !== "regions" && properties.region) {
            root.appendChild(element("p", "map-popup__region", text.region + ": " + properties.region));
        }
        var url = safeUrl(properties.url);
        if (url) {
            var label =
                properties.layer === "regions"
                    ? text.toRegion
                    : properties.layer === "initiatives"
                      ? text.toProfile
                      : format(text.toRegionOf, { name: properties.region || "" });
            var link = element("a", "map-popup__link", label);
            link.href = url;
            root.appendChild(link);
        }
        /* Only members and initiatives who take messages have one; visitors are asked to log in there. */
        var contactUrl = properties.layer !== "regions" ? safeUrl(properties.contact_url) : null;
        if (contactUrl) {
            var contact = element("a", "map-popup__link map-popup__contact", text.contact);
            contact.appendChild(element("span", "visually-hidden", ": " + properties.name));
            contact.href = contactUrl;
            root.appendChild(contact);
        }
        return root;
    }

    function zoomInto(bounds, latlng) {
        var box = L.latLngBounds([bounds[1], bounds[0]], [bounds[3], bounds[2]]);
        var target = map.getBoundsZoom(box.pad(0.2));
        var zoom = Math.min(Math.max(target, map.getZoom() + 2), map.getMaxZoom());
        map.setView(box.isValid() ? box.getCenter() : latlng, zoom);
    }

    function serverClusterMarker(properties, latlng) {
        var inner = element("div");
        inner.appendChild(element("span", null, number(properties.count)));
        var marker = L.marker(latlng, {
            icon: new LabelledIcon({
                className:
                    "marker-cluster marker-cluster-" + sizeOf(properties.count) +
                    " map-cluster map-cluster--" + token(properties.layer),
                html: inner,
                iconSize: L.point(44, 44),
                label: clusterLabel(properties.count)
            }),
            keyboard: true
        });
        marker.on("click", function () {
            zoomInto(properties.bounds, latlng);
        });
        marker.on("keypress", function (event) {
            if (event.originalEvent && event.originalEvent.key === "Enter") {
                zoomInto(properties.bounds, latlng);
            }
        });
        return marker;
    }

    function pointMarker(properties, latlng) {
        var shape = element("span", "map-marker__shape");
        var className = "map-marker map-marker--" + token(properties.layer);
        if (properties.layer === "regions") {
            className += " map-marker--status-" + token(properties.status);
        } else {
            var colour = properties.fields && properties.fields.length ? safeColour(properties.fields[0].colour) : null;
            if (colour) {
                shape.style.setProperty("--marker", colour);
            }
        }
        var size = properties.layer === "regions" ? 26 : 18;
        var marker = L.marker(latlng, {
            icon: new LabelledIcon({
                className: className,
                html: shape,
                iconSize: [size, size],
                popupAnchor: [0, -size / 2],
                label: properties.name + " – " + properties.kind_label +
                    (properties.status_label ? " (" + properties.status_label + ")" : "")
            }),
            keyboard: true,
            riseOnHover: true,
            zIndexOffset: properties.layer === "regions" ? 1000 : 0
        });
        marker.bindPopup(function () {
            return popupContent(properties);
        }, { maxWidth: 280 });
        return marker;
    }

    /* Markers by feature id: a new answer only adds and removes what changed, so an open popup survives
     * the reload that its own auto-pan triggers. */
    var markers = {};

    function layerFor(properties) {
        return properties.cluster ? serverClusterLayer : pointLayer;
    }

    function render(collection) {
        var fresh = {};
        var toCluster = [];
        collection.features.forEach(function (feature) {
            var properties = feature.properties || {};
            var id = String(feature.id || properties.id);
            if (markers[id]) {
                fresh[id] = markers[id];
                return;
            }
            var coordinates = feature.geometry.coordinates;
            var latlng = L.latLng(coordinates[1], coordinates[0]);
            var marker = properties.cluster ? serverClusterMarker(properties, latlng) : pointMarker(properties, latlng);
            marker._mapLayer = layerFor(properties);
            fresh[id] = marker;
            if (marker._mapLayer === pointLayer) {
                toCluster.push(marker);
            } else {
                marker._mapLayer.addLayer(marker);
            }
        });
        var stale = [];
        Object.keys(markers).forEach(function (id) {
            var marker = markers[id];
            if (fresh[id]) {
                return;
            }
            if (marker.isPopupOpen && marker.isPopupOpen()) {
                fresh[id] = marker; /* keep what the visitor is reading */
            } else if (marker._mapLayer === pointLayer) {
                stale.push(marker);
            } else {
                marker._mapLayer.removeLayer(marker);
            }
        });
        if (stale.length) {
            pointLayer.removeLayers(stale);
        }
        if (toCluster.length) {
            pointLayer.addLayers(toCluster);
        }
        markers = fresh;
        var viewCount = document.querySelector("[data-view-count]");
        if (viewCount) {
            viewCount.textContent = format(collection.clustered ? text.inViewClustered : text.inView, {
                count: number(collection.total)
            });
        }
        container.setAttribute("data-loaded", "true");
    }

    function clamp(value, low, high) {
        return Math.min(Math.max(value, low), high);
    }

    function viewBox() {
        var bounds = map.getBounds();
        return [
            clamp(bounds.getWest(), -180, 180),
            clamp(bounds.getSouth(), -90, 90),
            clamp(bounds.getEast(), -180, 180),
            clamp(bounds.getNorth(), -90, 90)
        ].map(function (value) {
            return value.toFixed(4);
        }).join(",");
    }

    var controller = null;

    function load() {
        var params = new URLSearchParams();
        setFilterParams(params, selectedFilters());
        params.set("bbox", viewBox());
        if (config.locale) {
            params.set("locale", config.locale);
        }
        if (controller) {
            controller.abort();
        }
        controller = typeof AbortController === "function" ? new AbortController() : null;
        container.setAttribute("aria-busy", "true");
        fetch(config.featuresUrl + "?" + params.toString(), {
            headers: { Accept: "application/geo+json, application/json" },
            signal: controller ? controller.signal : undefined
        })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("HTTP " + response.status);
                }
                return response.json();
            })
            .then(function (collection) {
                container.removeAttribute("aria-busy");
                render(collection);
            })
            .catch(function (error) {
                if (error && error.name === "AbortError") {
                    return;
                }
                container.removeAttribute("aria-busy");
                showNotice(text.loadError);
            });
    }

    function updateUrl(dropPage) {
        var url = new URL(window.location.href);
        var params = url.searchParams;
        setFilterParams(params, selectedFilters());
        if (dropPage) {
            params.delete("page");
        }
        var centre = map.getCenter();
        params.set("lat", centre.lat.toFixed(5));
        params.set("lng", centre.lng.toFixed(5));
        params.set("zoom", String(map.getZoom()));
        var query = params.toString();
        window.history.replaceState(window.history.state, "", url.pathname + (query ? "?" + query : "") + url.hash);
    }

    var timer = null;
    map.on("moveend", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
            updateUrl(false);
            load();
        }, 250);
    });

    /* --- Filters: map, list, URL and the "near me" form's hidden copies in one go ----------------------- */

    function syncNearForm(filters) {
        if (!nearForm) {
            return;
        }
        Array.prototype.forEach.call(nearForm.querySelectorAll("[data-filter-copy]"), function (input) {
            input.remove();
        });
        var params = new URLSearchParams();
        setFilterParams(params, filters);
        params.forEach(function (value, name) {
            var input = element("input");
            input.type = "hidden";
            input.name = name;
            input.value = value;
            input.setAttribute("data-filter-copy", "");
            nearForm.appendChild(input);
        });
    }

    var listRequest = 0;

    function refreshList() {
        var requestId = (listRequest += 1);
        fetch(window.location.href, { headers: { Accept: "text/html" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("HTTP " + response.status);
                }
                return response.text();
            })
            .then(function (html) {
                if (requestId !== listRequest) {
                    return; /* a newer change is on its way */
                }
                /* Our own server-rendered (escaped) markup, parsed inertly and moved over as nodes. */
                var doc = new DOMParser().parseFromString(html, "text/html");
                var freshBody = doc.querySelector("[data-list-body]");
                var freshCount = doc.querySelector("[data-list-count]");
                var body = document.querySelector("[data-list-body]");
                var count = document.querySelector("[data-list-count]");
                if (freshBody && body) {
                    body.replaceWith(document.importNode(freshBody, true));
                }
                if (freshCount && count) {
                    count.textContent = freshCount.textContent;
                }
            })
            .catch(function () {
                showNotice(text.listError);
            });
    }

    function applyFilters() {
        syncNearForm(selectedFilters());
        updateUrl(true);
        load();
        refreshList();
    }

    Array.prototype.forEach.call(filterForm.querySelectorAll("[data-apply]"), function (button) {
        button.hidden = true;
    });
    filterForm.addEventListener("change", function (event) {
        if (event.target && event.target.type === "checkbox") {
            applyFilters();
        }
    });
    filterForm.addEventListener("submit", function (event) {
        event.preventDefault();
        applyFilters();
    });

    /* The list's page links were rendered for the view at that time: give them the current one. */
    document.addEventListener("click", function (event) {
        var link = event.target.closest ? event.target.closest("[data-list-body] .pagination a[href]") : null;
        if (!link) {
            return;
        }
        var target = new URL(link.href, window.location.href);
        var current = new URLSearchParams(window.location.search);
        VIEW_PARAMS.forEach(function (name) {
            if (current.has(name)) {
                target.searchParams.set(name, current.get(name));
            }
        });
        link.href = target.toString();
    });

    updateUrl(false);
    load();
})();
