package com.clinikapi.server.health;

import com.clinikapi.server.database.SqlFailures;
import com.clinikapi.server.generated.api.AbstractHealthController;
import com.clinikapi.server.generated.model.Health;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The spec's {@code GET /health}: no key; 200 {@code UP} when the database answers, 503 {@code DOWN} otherwise. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class HealthController extends AbstractHealthController {

    private static final Logger LOG = LoggerFactory.getLogger(HealthController.class);

    private final DatabaseProbe database;

    public HealthController(DatabaseProbe database) {
        this.database = database;
    }

    @Override
    public HttpResponse<Health> getHealth() {
        if (databaseAnswers()) {
            return HttpResponse.ok(new Health(Health.StatusEnum.UP));
        }
        return HttpResponse.<Health>status(HttpStatus.SERVICE_UNAVAILABLE).body(new Health(Health.StatusEnum.DOWN));
    }

    private boolean databaseAnswers() {
        try {
            return database.answers();
        } catch (RuntimeException e) {
            LOG.warn("Health check: the database does not answer ({})", SqlFailures.describe(e));
            return false;
        }
    }
}
