package org.publicservice.procurement.demo;

import org.publicservice.procurement.award.Challenges;
import org.publicservice.procurement.award.Complaints;
import org.publicservice.procurement.calendar.WorkingDayCalendar;
import org.publicservice.procurement.participation.IntentionCommentDesk;
import org.publicservice.procurement.rating.ServiceRatings;
import org.publicservice.procurement.tender.BidBox;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * What the demo city's users reach besides Tasklist: the working-day calendar its dates are counted on, and the
 * portal's desks where suppliers bid, challenge and complain, residents comment and rate.
 */
@Component
@Profile("demo")
record DemoServices(WorkingDayCalendar workingDays, BidBox bidBox, Challenges challenges, Complaints complaints,
    IntentionCommentDesk comments, ServiceRatings ratings) {
}
