package org.rapport.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A small month of canonical files for any month, written the way a source delivers (staged, then
 * moved into its intake folder whole): three customers, a call on each of the month's first and last
 * days (so the calls reach the month's end), a survey answer and a purchase in the month.
 */
final class MonthOfData {

    private MonthOfData() {
    }

    /** Every file of {@code month} into the intake under {@code dataDir}; {@code tag} keeps ids and names apart. */
    static void deliver(Path dataDir, YearMonth month, String tag) throws IOException {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        write(dataDir, "customers", tag + "-customers.csv", """
                customer_id,segment,region,value_band,customer_since,status,churned_on,churn_reason,annual_value,preferred_channel,consent_analytics,consent_contact
                M-1,one-year,north,high,2020-01-15,active,,,1200.00,phone,true,true
                M-2,month-to-month,south,low,2021-03-01,active,,,360.00,web,true,false
                M-3,two-year,east,medium,2019-06-01,active,,,720.00,phone,true,true
                """);
        write(dataDir, "calls", tag + "-calls.csv", """
                call_id,customer_id,started_at,ivr_seconds,queue_seconds,talk_seconds,outcome,wanted_agent,transfers,times_reidentified,agent_saw_history,channel
                %1$s-K1,M-1,%2$sT09:00:00,60,120,300,answered,true,0,0,true,phone
                %1$s-K2,M-2,%2$sT10:00:00,200,0,0,abandoned_in_ivr,true,0,0,false,phone
                %1$s-K3,M-3,%3$sT16:00:00,45,30,240,answered,true,1,1,false,phone
                """.formatted(tag, first, last));
        write(dataDir, "survey-responses", tag + "-survey-responses.csv", """
                response_id,customer_id,responded_at,survey,touchpoint,nps,csat,effort,comment
                %s-R1,M-1,%sT10:00:00,relationship,call,9,5,6,
                """.formatted(tag, first.plusDays(2)));
        write(dataDir, "purchases", tag + "-purchases.csv", """
                customer_id,purchased_on,amount,product_category
                M-1,%s,100.00,monthly-plan
                """.formatted(first.plusDays(3)));
    }

    private static void write(Path dataDir, String folder, String file, String content) throws IOException {
        Path intake = Files.createDirectories(dataDir.resolve("intake").resolve(folder));
        Path staged = Files.createTempFile(intake.getParent(), "staged-", ".csv");
        Files.writeString(staged, content);
        Files.move(staged, intake.resolve(file), StandardCopyOption.ATOMIC_MOVE);
    }
}
