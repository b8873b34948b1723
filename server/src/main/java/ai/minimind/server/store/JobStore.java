package ai.minimind.server.store;

import ai.minimind.server.jobs.JobRecord;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * {@code training_processes.json}: every job record keyed by process id. One lock serialises all mutations, and
 * each mutation rewrites the file atomically before it returns.
 */
public final class JobStore {
    private final JsonFile<LinkedHashMap<String, JobRecord>> file;
    private final LinkedHashMap<String, JobRecord> jobs = new LinkedHashMap<>();

    public JobStore(Path path, ObjectMapper mapper) {
        JavaType type = mapper.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, JobRecord.class);
        this.file = new JsonFile<>(path, mapper, type, JobStore::requireComplete);
        file.read().ifPresent(jobs::putAll);
    }

    /** What {@link #insert(JobRecord, int)} did. */
    public enum Insert { STORED, ID_TAKEN, CLIENT_AT_LIMIT }

    /** Stores a new record; false (nothing stored) when the id is taken. */
    public boolean insert(JobRecord job) {
        return insert(job, 0) == Insert.STORED;
    }

    /**
     * Stores a new record unless its id is taken or its client already has {@code maxActive} queued or running
     * jobs (0: no limit); the count and the insert happen under one lock, so concurrent submissions cannot both
     * slip under the limit.
     */
    public synchronized Insert insert(JobRecord job, int maxActive) {
        if (jobs.containsKey(job.id())) {
            return Insert.ID_TAKEN;
        }
        if (maxActive > 0 && activeOf(job.clientId()) >= maxActive) {
            return Insert.CLIENT_AT_LIMIT;
        }
        jobs.put(job.id(), job);
        save();
        return Insert.STORED;
    }

    /** How many of the client's jobs are queued or running. */
    public synchronized long activeOf(String clientId) {
        return jobs.values().stream().filter(j -> j.clientId().equals(clientId) && j.state().active()).count();
    }

    /** Applies {@code change} to the record atomically; the updated record, or empty when it is gone. */
    public synchronized Optional<JobRecord> update(String id, UnaryOperator<JobRecord> change) {
        JobRecord current = jobs.get(id);
        if (current == null) {
            return Optional.empty();
        }
        JobRecord next = change.apply(current);
        if (next != current) {
            jobs.put(id, next);
            save();
        }
        return Optional.of(next);
    }

    public synchronized Optional<JobRecord> remove(String id) {
        JobRecord removed = jobs.remove(id);
        if (removed != null) {
            save();
        }
        return Optional.ofNullable(removed);
    }

    public synchronized Optional<JobRecord> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** The client's records, newest first (ids start with their timestamp). */
    public synchronized List<JobRecord> ofClient(String clientId) {
        return jobs.values().stream().filter(j -> clientId.equals(j.clientId()))
                .sorted(Comparator.comparing(JobRecord::id).reversed()).toList();
    }

    public synchronized List<JobRecord> all() {
        return List.copyOf(jobs.values());
    }

    private void save() {
        file.write(new LinkedHashMap<>(jobs));
    }

    private static void requireComplete(Map<String, JobRecord> jobs) {
        jobs.forEach((id, job) -> {
            if (job == null || !id.equals(job.id()) || job.clientId() == null || job.state() == null
                    || job.logFile() == null) {
                throw new IllegalArgumentException("process record '" + id + "' lacks id, client_id, state or log_file");
            }
        });
    }
}
