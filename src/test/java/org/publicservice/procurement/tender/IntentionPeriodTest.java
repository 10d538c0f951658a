package org.publicservice.procurement.tender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.publicservice.procurement.tender.Tenders.*;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.publicservice.procurement.ProcurementIntentions;
import org.publicservice.procurement.ProcessTestSession;
import org.publicservice.procurement.ProcurementSpringTest;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The tender notice follows the procurement intention by at least 30 days (财库〔2020〕10号), unless the department
 * states an unforeseeable urgent need, which the notice then publishes; a refused submission changes nothing.
 */
@ProcurementSpringTest
class IntentionPeriodTest {

  @RegisterExtension
  final ProcessTestSession session = ProcessTestSession.startingAt(ISSUED);

  @Autowired ProcessEngine engine;
  @Autowired BidBox bidBox;
  @Autowired DisclosureRegister register;

  Tenders tenders;

  @BeforeEach
  void setUp() {
    tenders = new Tenders(engine, bidBox);
  }

  ProcessInstance stageWithIntention(Integer daysBefore) {
    String projectNumber = newProjectNumber();
    if (daysBefore != null) {
      ProcurementIntentions.publishedAt(engine, projectNumber, ISSUED.minusDays(daysBefore).withHour(16));
    }
    return engine.getRuntimeService().startProcessInstanceByKey(TenderVariables.STAGE_PROCESS_KEY, projectNumber,
        Tenders.in(projectNumber, "COMPETITIVE_CONSULTATION"));
  }

  @Test
  void aNoticeLessThanThirtyDaysAfterTheIntentionIsRefusedWithTheEarliestDay() {
    ProcessInstance stage = stageWithIntention(29);
    assertThatThrownBy(() -> tenders.prepareDocuments(stage, documents()))
        .hasMessageContaining("采购意向公开时间原则上不得晚于采购活动开始前30日（财库〔2020〕10号）")
        .hasMessageContaining("本项目采购意向于2026年11月4日公开，招标（磋商）公告最早于2026年12月4日发布");
    BpmnAwareTests.assertThat(stage).isWaitingAt("Task_PrepareDocuments");
    assertThat(register.findByProject(stage.getBusinessKey())).extracting(n -> n.type())
        .containsExactly(NoticeType.PROCUREMENT_INTENTION);

    // the next day, 30 days after the intention, the same documents go out
    at(ISSUED.plusDays(1));
    tenders.prepareDocuments(stage, documents().putValue(TenderVariables.BID_DEADLINE_DATE, "2026-12-29"));
    assertThat(register.findByProject(stage.getBusinessKey())).extracting(n -> n.type())
        .contains(NoticeType.TENDER_NOTICE);
  }

  @Test
  void anUnforeseeableUrgentNeedGoesOutEarlierWithItsReasonPublished() {
    ProcessInstance stage = stageWithIntention(5);
    assertThatThrownBy(() -> tenders.prepareDocuments(stage, documents()
        .putValue(TenderVariables.URGENT_WITHOUT_INTENTION_PERIOD, true)))
        .hasMessageContaining("请写明急需采购的不可预见原因");
    tenders.prepareDocuments(stage, documents().putValue(TenderVariables.URGENT_WITHOUT_INTENTION_PERIOD, true)
        .putValue(TenderVariables.URGENCY_REASON, "原承接机构突发注销，辖区800名失能老人的上门服务须在月内恢复。"));
    assertThat(register.findByProject(stage.getBusinessKey())).filteredOn(n -> n.type() == NoticeType.TENDER_NOTICE)
        .singleElement().satisfies(notice -> assertThat(notice.content())
            .contains("因不可预见的原因急需采购，采购意向公开未满30日即发布本公告（财库〔2020〕10号），原因：原承接机构突发注销"));
  }

  @Test
  void withoutAnyIntentionOnlyTheUrgentExceptionLetsTheNoticeOut() {
    ProcessInstance stage = stageWithIntention(null);
    assertThatThrownBy(() -> tenders.prepareDocuments(stage, documents()))
        .hasMessageContaining("本项目尚未公开采购意向（财库〔2020〕10号）");
    ProcessInstance exactlyThirty = stageWithIntention(30);
    tenders.prepareDocuments(exactlyThirty, documents());
    BpmnAwareTests.assertThat(exactlyThirty).isWaitingAt("Timer_BidDeadline");
  }
}
