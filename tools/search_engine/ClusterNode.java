/*
 * Mitmach-Hub: one node of a local multi-node OpenSearch cluster, one JVM per node.
 *
 * `python manage.py search_engine --nodes 3` runs this file with Java's source launcher
 * (`java -cp 'var/opensearch/lib/*' ClusterNode.java <runner options>`), so nothing is built.
 *
 * The OpenSearch Runner starts all of its nodes inside one JVM, so none of them can be stopped
 * alone. Started with -numOfNode 1 per JVM instead, it forces discovery.type=single-node and
 * names every node "Node 1", which keeps the JVMs from forming one cluster. Settings passed in
 * code win over both, so this launcher hands it every system property that starts with
 * "hub.setting." as a node setting (-Dhub.setting.discovery.type=zen, -Dhub.setting.node.name=...);
 * everything else (seed hosts, transport port, ...) comes from the node's opensearch.yml.
 */

import org.codelibs.opensearch.runner.OpenSearchRunner;

public class ClusterNode {
    private static final String PREFIX = "hub.setting.";

    public static void main(final String[] args) throws Exception {
        final OpenSearchRunner runner = new OpenSearchRunner();
        // The HTTP port is exactly the one asked for: no silent move to the next free port.
        runner.setMaxHttpPort(-1);
        runner.onBuild((number, settings) -> System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith(PREFIX))
                .forEach(name -> settings.put(name.substring(PREFIX.length()), System.getProperty(name))));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (final Exception e) {
                System.out.println("Closing the node failed: " + e);
            }
        }));
        try {
            runner.build(args);
        } catch (final RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
        while (!runner.isClosed()) {
            Thread.sleep(1000);
        }
    }
}
