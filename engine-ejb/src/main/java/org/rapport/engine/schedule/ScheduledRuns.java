package org.rapport.engine.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.engine.outage.InfrastructureFault;
import org.rapport.engine.outage.InfrastructureRetries;
import org.rapport.engine.run.MonthlyRunLauncher;
import org.rapport.engine.run.RunInProgressException;
import org.rapport.engine.run.RunOrigin;
import org.rapport.engine.run.RunService;
import org.rapport.engine.run.RunStatus;

/**
 * Starts each month's run on schedule (default: first working day, 06:00, server time zone). It
 * looks every day at the scheduled time and once shortly after start-up: a month is run when its
 * due time has passed and no run of it has started since — so a schedule missed while the server
 * was down is caught up once, and a month already run after its due time is not run again. A month
 * whose data is not complete yet gets a run that waits for it (see {@link MonthlyRunLauncher}).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScheduledRuns {

    private static final Logger LOG = Logger.getLogger(ScheduledRuns.class.getName());
    private static final long OUTAGE_RETRY_SECONDS = 60;

    @Resource
    private TimerService timers;

    @EJB
    private MonthlyRunLauncher launcher;

    @EJB
    private RunService runs;

    @Inject
    @ConfigProperty(name = "rapport.schedule.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "rapport.schedule.time", defaultValue = "06:00")
    String time;

    @Inject
    @ConfigProperty(name = "rapport.schedule.zone")
    Optional<String> zone;

    /** Comma-separated ISO dates that are not working days, e.g. "2026-12-25,2026-12-28". */
    @Inject
    @ConfigProperty(name = "rapport.schedule.holidays")
    Optional<String> holidays;

    /** Start-up catch-up waits this long, so files already waiting in the intake are in first. */
    @Inject
    @ConfigProperty(name = "rapport.schedule.catch-up-delay-seconds", defaultValue = "60")
    long catchUpDelaySeconds;

    private MonthlySchedule schedule;
    private ZoneId zoneId;
    private LocalTime at;
    private volatile Instant lastLookAt;
    private volatile String lastDecision;

    @PostConstruct
    void plan() {
        if (!enabled) {
            LOG.info("Monthly schedule disabled (rapport.schedule.enabled=false)");
            return;
        }
        zoneId = zone.filter(id -> !id.isBlank()).map(ZoneId::of).orElse(ZoneId.systemDefault());
        at = LocalTime.parse(time.strip());
        schedule = new MonthlySchedule(at, zoneId, parseHolidays());
        timers.createCalendarTimer(new ScheduleExpression().hour(at.getHour()).minute(at.getMinute())
                .timezone(zoneId.getId()), new TimerConfig("daily", false));
        timers.createSingleActionTimer(catchUpDelaySeconds * 1000, new TimerConfig("catch-up", false));
        LOG.info(() -> "Monthly run scheduled on the first working day at " + at + " " + zoneId
                + "; next: " + schedule.dueAt(YearMonth.now(zoneId)));
    }

    @Timeout
    void lookForDueMonth() {
        ZonedDateTime now = ZonedDateTime.now(Clock.systemUTC());
        YearMonth due = schedule.latestDueMonth(now);
        lastLookAt = now.toInstant();
        try {
            lookAt(due);
        } catch (RuntimeException e) {
            // The database away when the month falls due must not skip the month: look again shortly.
            InfrastructureFault outage = InfrastructureFault.of(e).orElseThrow(() -> e);
            InfrastructureRetries.counted("schedule");
            lastDecision = due + " fell due but the schedule could not look (" + outage.reason() + "); looking again in "
                    + OUTAGE_RETRY_SECONDS + " s";
            LOG.warning(() -> lastDecision);
            timers.createSingleActionTimer(OUTAGE_RETRY_SECONDS * 1000, new TimerConfig("after-outage", false));
        }
    }

    private void lookAt(YearMonth due) {
        if (runs.startedSince(due, schedule.dueAt(due).toInstant())) {
            lastDecision = due + " was already run after it fell due";
            return;
        }
        try {
            long runId = launcher.start(due, RunOrigin.SCHEDULE);
            lastDecision = runs.state(runId).status() == RunStatus.WAITING_FOR_DATA
                    ? due + " fell due; run " + runId + " waits for its data (GET /api/readiness/" + due + ")"
                    : due + " fell due and was started as run " + runId;
        } catch (RunInProgressException e) {
            // A run of that month is going already; the next daily look sees whether it is enough.
            lastDecision = due + " fell due while a run of it was in progress";
            LOG.info(e::getMessage);
        }
    }

    /** What the schedule is set to, when it next looks, and what it last decided. */
    @Lock(LockType.READ)
    public ScheduleStatus status() {
        if (schedule == null) {
            return ScheduleStatus.disabled();
        }
        YearMonth next = schedule.latestDueMonth(ZonedDateTime.now(Clock.systemUTC())).plusMonths(1);
        Instant nextLook = timers.getTimers().stream()
                .filter(timer -> "daily".equals(timer.getInfo()))
                .map(Timer::getNextTimeout).map(Date::toInstant)
                .findFirst().orElse(null);
        return new ScheduleStatus(true, at.toString(), zoneId.getId(), next.toString(),
                schedule.dueAt(next).toInstant(), nextLook, lastLookAt, lastDecision);
    }

    /** The holidays the schedule skips ({@code rapport.schedule.holidays}), earliest first; none when it is off. */
    @Lock(LockType.READ)
    public List<LocalDate> holidays() {
        return schedule == null ? List.of() : schedule.holidays();
    }

    /** When the pack of {@code month} is due; empty when the schedule is off. */
    @Lock(LockType.READ)
    public Optional<Instant> dueAt(YearMonth month) {
        return schedule == null ? Optional.empty() : Optional.of(schedule.dueAt(month).toInstant());
    }

    private Set<LocalDate> parseHolidays() {
        return holidays.map(list -> Arrays.stream(list.split(","))
                        .map(String::strip).filter(day -> !day.isEmpty()).map(LocalDate::parse)
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
    }
}
