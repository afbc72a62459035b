"""The network map ("Vernetzungslandkarte") as a feature package, one job per module.

- ``query``: the request's ``layer``/``field``/``bbox`` parameters → ``MapQuery``;
- ``geo``: boxes, distances and the cluster grid in plain WGS 84 degrees;
- ``places``: what a visitor types into "near me" → a German city or a coordinate pair;
- ``clusters``: the clusters stored per zoom level (``MapPoint``/``MapCell``) and the grid clusters of a few entries;
- ``layers``: what each layer shows, public data only (``MapData``), with the shared taxonomy cache;
- ``geojson``: entries and clusters as GeoJSON (RFC 7946);
- ``page``: the context of the map page (``RegionIndexPage``);
- ``api``: ``/api/v3/map/…``.

The models stay in ``regions.models``; these modules import them, never the other way round (except
``RegionIndexPage.get_context``, see there).
"""
