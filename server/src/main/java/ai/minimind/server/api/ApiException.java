package ai.minimind.server.api;

/**
 * Every error a route answers with: an HTTP status, a machine code of api.md section 1 and a message that names
 * the field or thing at fault. One subclass per status; {@link ErrorMapper} renders them all in one place.
 */
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    protected ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** 400 for a malformed request (not JSON, bad filename, path escape). */
    public static final class BadRequest extends ApiException {
        private static final long serialVersionUID = 1L;

        public BadRequest(String message) {
            super(400, "bad_request", message);
        }
    }

    /** 400 for a well-formed request whose field values are refused. */
    public static final class ValidationFailed extends ApiException {
        private static final long serialVersionUID = 1L;

        public ValidationFailed(String message) {
            super(400, "validation_failed", message);
        }
    }

    /** 401; the renderer adds {@code WWW-Authenticate: Bearer}. */
    public static final class Unauthorized extends ApiException {
        private static final long serialVersionUID = 1L;

        public Unauthorized(String message) {
            super(401, "unauthorized", message);
        }
    }

    /** 404, also for things that exist but belong to another client. */
    public static final class NotFound extends ApiException {
        private static final long serialVersionUID = 1L;

        public NotFound(String message) {
            super(404, "not_found", message);
        }
    }

    /** 409 when the thing's current state forbids the action. */
    public static final class Conflict extends ApiException {
        private static final long serialVersionUID = 1L;

        public Conflict(String message) {
            super(409, "conflict", message);
        }
    }

    /** 413 for request bodies over the limit. */
    public static final class PayloadTooLarge extends ApiException {
        private static final long serialVersionUID = 1L;

        public PayloadTooLarge(String message) {
            super(413, "payload_too_large", message);
        }
    }

    /** 429 when the caller is at its limit (running jobs on a shared machine); it may retry later. */
    public static final class RateLimited extends ApiException {
        private static final long serialVersionUID = 1L;

        public RateLimited(String message) {
            super(429, "rate_limited", message);
        }
    }

    /** 500 for failures that are the server's fault, with a message safe to show. */
    public static final class Internal extends ApiException {
        private static final long serialVersionUID = 1L;

        public Internal(String message) {
            super(500, "internal", message);
        }
    }
}
