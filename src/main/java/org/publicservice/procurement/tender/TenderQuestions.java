package org.publicservice.procurement.tender;

import static org.publicservice.procurement.purchase.FormRules.reject;
import static org.publicservice.procurement.purchase.ProcurementTime.MINUTE_IN_WORDS;
import static org.publicservice.procurement.tender.TenderVariables.*;

import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.publicservice.procurement.identity.SystemAccess;
import org.publicservice.procurement.purchase.ProcurementTime;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bidders' questions on the tender documents (87号令第二十七条): taken until the clarification deadline of the open
 * round and handed to the project's TenderStage by message {@code TenderQuestionAsked}; the department answers, and
 * the answer is published to all. Refusals are {@link org.publicservice.procurement.purchase.SubmissionRejectedException}
 * in Chinese, before anything is stored.
 */
@Component
public class TenderQuestions {

  static final int MAX_QUESTION = 4000;

  private final BidBox bidBox;
  private final JdbcClient jdbc;
  private final RuntimeService runtimeService;
  private final ProcessEngine processEngine;

  public TenderQuestions(BidBox bidBox, JdbcClient jdbc, @Lazy RuntimeService runtimeService,
      @Lazy ProcessEngine processEngine) {
    this.bidBox = bidBox;
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.processEngine = processEngine;
  }

  @Transactional
  public void ask(String projectNumber, String askerUserId, String question) {
    if (question == null || question.isBlank()) {
      throw reject(QUESTION_TEXT, "请填写问题。");
    }
    String text = question.strip();
    if (text.length() > MAX_QUESTION) {
      throw reject(QUESTION_TEXT, "问题不能超过" + MAX_QUESTION + "个字。");
    }
    bidBox.organisationName(askerUserId);
    String project = projectNumber == null ? "" : projectNumber.trim().toUpperCase(java.util.Locale.ROOT);
    TenderCall call = bidBox.currentCall(project)
        .orElseThrow(() -> reject(null, "项目" + project + "目前没有正在进行的招标，不能提问。"));
    OffsetDateTime now = ProcurementTime.now();
    if (now.isAfter(call.clarificationDeadline()) || !now.isBefore(call.bidDeadline())) {
      throw reject(null, "项目" + project + "的提问截止时间（" + MINUTE_IN_WORDS.format(call.clarificationDeadline())
          + "）已过，不再受理提问。");
    }
    String instance = bidBox.call(call.projectNumber(), call.round()).orElseThrow().processInstanceId();
    // the organisation has no rights on the stage's instance; the message is what it is entitled to send
    try {
      SystemAccess.run(processEngine, () ->
          runtimeService.createMessageCorrelation(QUESTION_MESSAGE).processInstanceId(instance)
              // transient: the stage keeps them in the question's own scope (KeepQuestionInItsScopeListener)
              .setVariables(Variables.createVariables()
                  .putValueTyped(QUESTION_ASKER, Variables.stringValue(askerUserId, true))
                  .putValueTyped(QUESTION_TEXT, Variables.stringValue(text, true)))
              .correlateWithResult());
    } catch (MismatchingMessageCorrelationException e) {
      // the stage is between its steps (the deadline is being reached): the period is over for the asker
      throw reject(null, "项目" + project + "目前不受理提问。");
    }
    // the asker's own record, listed on its bid page; the question itself travels in the stage
    jdbc.sql("INSERT INTO tender_question (project_number, round_no, asker, asked_at, question)"
            + " VALUES (:project, :round, :asker, :at, :question)")
        .param("project", call.projectNumber()).param("round", call.round()).param("asker", askerUserId)
        .param("at", now).param("question", text).update();
  }

  /** A question as its asker sees it again. */
  public record AskedQuestion(OffsetDateTime askedAt, String question) {
  }

  /** The questions the organisation asked in the project's tender, oldest first: its own, nobody else's. */
  public List<AskedQuestion> askedBy(String projectNumber, String askerUserId) {
    return jdbc.sql("SELECT asked_at, question FROM tender_question WHERE project_number = :project"
            + " AND asker = :asker ORDER BY id")
        .param("project", projectNumber).param("asker", askerUserId)
        .query((rs, row) -> new AskedQuestion(rs.getObject("asked_at", OffsetDateTime.class)
            .atZoneSameInstant(ProcurementTime.ZONE).toOffsetDateTime(), rs.getString("question")))
        .list();
  }
}
