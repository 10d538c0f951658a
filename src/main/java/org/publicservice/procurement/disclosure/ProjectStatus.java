package org.publicservice.procurement.disclosure;

import static org.publicservice.procurement.disclosure.NoticeType.*;

import java.util.List;
import java.util.Optional;

/**
 * Where a project stands, as the public can tell from its latest notice: the portal's project list filters by it,
 * the project page shows it. Every notice type belongs to exactly one status.
 */
public enum ProjectStatus {
  INTENTION("意向公开", PROCUREMENT_INTENTION),
  TENDERING("招标中", TENDER_NOTICE, CLARIFICATION, SINGLE_SOURCE_NOTICE),
  EVALUATING("评审中", OPENING_RECORD),
  FAILED("废标待重新采购", FAILED_TENDER),
  AWARDED("已定标", AWARD_NOTICE, COMPLAINT_DECISION),
  PERFORMING("履约中", CONTRACT, PAYMENT, ACCEPTANCE),
  COMPLETED("已完成", EVALUATION_RESULT);

  private final String label;
  private final List<NoticeType> noticeTypes;

  ProjectStatus(String label, NoticeType... noticeTypes) {
    this.label = label;
    this.noticeTypes = List.of(noticeTypes);
  }

  public String label() {
    return label;
  }

  /** The notice types that, published last, leave a project in this status. */
  public List<NoticeType> noticeTypes() {
    return noticeTypes;
  }

  /** The status after this notice; empty only for a project that has published nothing. */
  public static Optional<ProjectStatus> after(NoticeType latest) {
    if (latest == null) {
      return Optional.empty();
    }
    for (ProjectStatus status : values()) {
      if (status.noticeTypes.contains(latest)) {
        return Optional.of(status);
      }
    }
    throw new IllegalStateException("No project status for notice type " + latest);
  }
}
