"""The demo site's content as plain data, one module per topic; ``demo.steps`` turns it into pages."""
