"""The map's entries and clusters as GeoJSON (RFC 7946): Point features, a FeatureCollection, compact bytes.

Reads only attributes of what it is given (``layers.MapEntry``, ``clusters.Cluster``), so the layers and the
clusters do not depend on the output format.
"""

import json

from regions.map.geo import extent

# Decimal places of coordinates in the output: five are about a metre.
COORDINATE_DECIMALS = 5


def _round(value):
    return round(value, COORDINATE_DECIMALS) + 0.0


def point_feature(feature_id, lat, lng, properties):
    return {
        "type": "Feature",
        "id": feature_id,
        "geometry": {"type": "Point", "coordinates": [_round(lng), _round(lat)]},
        "properties": properties,
    }


def entry_feature(entry):
    """A single entry (``MapEntry``): its name, kind, fields, link and layer-specific properties."""
    properties = {
        "id": entry.id,
        "layer": entry.layer,
        "cluster": False,
        "name": entry.name,
        "kind": entry.kind,
        "kind_label": entry.kind_label,
        "fields": [f.as_json() for f in entry.fields],
        "url": entry.url,
    }
    if entry.layer == "regions":
        properties["status"] = entry.status
        properties["status_label"] = entry.status_label
    else:
        properties["region"] = entry.region
        properties["region_url"] = entry.region_url
    if entry.place:
        properties["place"] = entry.place
    if entry.contact_url:
        properties["contact_url"] = entry.contact_url
    return point_feature(entry.id, entry.lat, entry.lng, properties)


def cluster_feature(cluster):
    """A grid cluster (``Cluster``): how many entries and the bounds of their points."""
    properties = {
        "id": cluster.id,
        "layer": cluster.layer,
        "cluster": True,
        "count": cluster.count,
        "bounds": [_round(value) for value in cluster.bounds],
    }
    return point_feature(cluster.id, cluster.lat, cluster.lng, properties)


def feature_collection(features, *, clustered, total, limit):
    """The FeatureCollection (a dict) of ``features``, with their ``bbox`` when there are any."""
    collection = {"type": "FeatureCollection"}
    box = extent([(f["geometry"]["coordinates"][1], f["geometry"]["coordinates"][0]) for f in features])
    if box:
        collection["bbox"] = box
    collection.update({"features": features, "clustered": clustered, "total": total, "limit": limit})
    return collection


def dumps(collection):
    """Compact UTF-8 JSON bytes."""
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode()
