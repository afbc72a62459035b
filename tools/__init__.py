"""Developer tools outside the Django apps: the screenshots script and the local OpenSearch launcher."""
