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

    /** Stores a new record; false (nothing stored) when the id is taken. */
    public synchronized boolean insert(JobRecord job) {
        if (jobs.putIfAbsent(job.id(), job) != null) {
            return false;
        }
        save();
        return true;
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
