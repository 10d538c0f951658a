package org.publicservice.procurement.participation;

/**
 * Variables of the {@code IntentionComment} process. The resident's e-mail address is deliberately not among them:
 * process variables stay in the history tables for 15 years, the address stays only in {@code intention_comment}
 * until the answer has been queued for mail.
 */
public final class CommentVariables {

  public static final String PROCESS_KEY = "IntentionComment";

  public static final String COMMENT_ID = "commentId";
  /** The resident's name as given, or 未署名. */
  public static final String COMMENTER_NAME = "commenterName";
  public static final String COMMENT_TEXT = "commentText";
  /** Beijing time of receipt, {@code yyyy-MM-dd HH:mm}, for the form. */
  public static final String COMMENT_RECEIVED_AT = "commentReceivedAt";
  /** Whether the resident left an address for the answer (boolean). */
  public static final String REPLY_REQUESTED = "replyRequested";
  /** The department's answer (optional). */
  public static final String COMMENT_REPLY = "commentReply";
  /** Who read the comment: set by the completing task's listener. */
  public static final String COMMENT_HANDLED_BY = "commentHandledBy";

  public static final String UNSIGNED = "未署名";

  public static final int MAX_TEXT = 1000;
  public static final int MAX_NAME = 50;
  public static final int MAX_ADDRESS = 254;
  public static final int MAX_REPLY = 2000;

  private CommentVariables() {
  }
}
