package dev.royalties.jobs.monthly;

import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.flink.client.ClientUtils;
import org.apache.flink.client.deployment.executors.PipelineExecutorUtils;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.runtime.minicluster.MiniClusterJobClient;
import org.apache.flink.runtime.minicluster.RpcServiceSharing;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.util.function.FunctionUtils;

/**
 * The embedded run's cluster, started on a thread of its own while the driver reads the reference
 * data, instead of after it as Flink's local executor does: both take a second or more of a start-up
 * that keeps one of two cores busy (docs/performance.md, fourteenth pass). The job goes to it as the
 * local executor would send it (the same stream graph, job client and shutdown with the job);
 * on a cluster, under {@code flink run} and in tests with their own MiniCluster, Flink's
 * environment is used unchanged.
 */
final class EmbeddedCluster implements AutoCloseable {
    private static final String EXECUTOR = "royalties-embedded";
    private final Configuration conf;
    private final CompletableFuture<MiniCluster> started = new CompletableFuture<>();
    private volatile boolean submitted;

    private EmbeddedCluster(Configuration conf) {
        this.conf = new Configuration(conf);
        this.conf.set(DeploymentOptions.ATTACHED, true);
        this.conf.set(DeploymentOptions.TARGET, EXECUTOR);
    }

    /** Starts the cluster when the job would run in this JVM's own local environment; null otherwise. */
    static EmbeddedCluster startIfLocal(Configuration conf) {
        if (!(StreamExecutionEnvironment.getExecutionEnvironment(conf) instanceof LocalStreamEnvironment)) {
            return null;
        }
        EmbeddedCluster cluster = new EmbeddedCluster(conf);
        Thread starter = new Thread(cluster::start, "royalties-cluster-start");
        starter.setDaemon(true);
        starter.start();
        return cluster;
    }

    private void start() {
        try {
            MiniCluster cluster = new MiniCluster(configuration(conf));
            cluster.start();
            started.complete(cluster);
        } catch (Throwable e) {
            started.completeExceptionally(e);
        }
    }

    /** What Flink's per-job MiniCluster is given: an ephemeral REST port, the task slots of the run. */
    private static MiniClusterConfiguration configuration(Configuration conf) {
        Configuration c = new Configuration(conf);
        if (!c.contains(RestOptions.BIND_PORT)) {
            c.set(RestOptions.BIND_PORT, "0");
        }
        return new MiniClusterConfiguration.Builder()
                .setConfiguration(c)
                .setNumTaskManagers(c.get(TaskManagerOptions.MINI_CLUSTER_NUM_TASK_MANAGERS))
                .setRpcServiceSharing(RpcServiceSharing.SHARED)
                .setNumSlotsPerTaskManager(c.get(TaskManagerOptions.NUM_TASK_SLOTS))
                .build();
    }

    /** An environment whose jobs go to this cluster; the cluster shuts down with the first job's end. */
    StreamExecutionEnvironment environment() {
        PipelineExecutorFactory factory = new PipelineExecutorFactory() {
            @Override
            public String getName() {
                return EXECUTOR;
            }

            @Override
            public boolean isCompatibleWith(Configuration configuration) {
                return true;
            }

            @Override
            public PipelineExecutor getExecutor(Configuration configuration) {
                return (pipeline, jobConf, classLoader) -> submit(
                        PipelineExecutorUtils.getStreamGraph(pipeline, jobConf), classLoader);
            }
        };
        PipelineExecutorServiceLoader loader = new PipelineExecutorServiceLoader() {
            @Override
            public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
                return factory;
            }

            @Override
            public Stream<String> getExecutorNames() {
                return Stream.of(factory.getName());
            }
        };
        return new StreamExecutionEnvironment(loader, conf, Thread.currentThread().getContextClassLoader());
    }

    private CompletableFuture<JobClient> submit(StreamGraph graph, ClassLoader classLoader) throws Exception {
        graph.serializeUserDefinedInstances();
        MiniCluster cluster = started.get();
        submitted = true;
        return cluster.submitJob(graph)
                .thenApplyAsync(FunctionUtils.uncheckedFunction(r -> {
                    ClientUtils.waitUntilJobInitializationFinished(() -> cluster.getJobStatus(r.getJobID()).get(),
                            () -> cluster.requestJobResult(r.getJobID()).get(), classLoader);
                    return r;
                }))
                .thenApply(r -> (JobClient) new MiniClusterJobClient(r.getJobID(), cluster, classLoader,
                        MiniClusterJobClient.JobFinalizationBehavior.SHUTDOWN_CLUSTER))
                .whenComplete((client, failure) -> {
                    if (failure != null) {
                        cluster.closeAsync();
                    }
                });
    }

    /**
     * Shuts the cluster down unless a job was given to it (that job's client does it when the job
     * ends). Not waited for: a run that fails before its job should say so at once, not after a
     * cluster's start and stop.
     */
    @Override
    public void close() {
        if (!submitted) {
            started.thenAccept(MiniCluster::closeAsync);
        }
    }
}
