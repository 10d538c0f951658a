package org.publicservice.procurement.tender;

import java.util.Optional;
import java.util.regex.Pattern;
import org.publicservice.procurement.portal.CommentFormTokens;
import org.springframework.stereotype.Component;

/**
 * The signed token in every bid form: which organisation the portal showed the form to, for which project, and when.
 * When the organisation's login has expired while it typed, the token is all that says whose the typed content is:
 * a token is valid for one day and only for that organisation and project, and another site cannot read it (it is
 * only in the organisation's own page), so the content can be kept for that organisation and nobody else
 * ({@link ExpiredLoginKeepsBidForm}). It is signed with the portal's form key ({@link CommentFormTokens}).
 */
@Component
class BidFormTokens {

  /** A day of typing, well past the session's idle limit. */
  static final long MAX_AGE_SECONDS = 24 * 3600;
  private static final Pattern OWNER = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}");

  private final CommentFormTokens tokens;

  BidFormTokens(CommentFormTokens tokens) {
    this.tokens = tokens;
  }

  String issue(String userId, String projectNumber) {
    return userId + ":" + tokens.issue(subject(userId, projectNumber));
  }

  /** The organisation the form was shown to, if the token is this portal's, recent and for this project. */
  Optional<String> owner(String projectNumber, String token) {
    if (token == null || token.indexOf(':') < 1) {
      return Optional.empty();
    }
    String userId = token.substring(0, token.indexOf(':'));
    if (!OWNER.matcher(userId).matches()) {
      return Optional.empty();
    }
    return tokens.isValid(subject(userId, projectNumber), token.substring(token.indexOf(':') + 1), MAX_AGE_SECONDS)
        ? Optional.of(userId) : Optional.empty();
  }

  private static String subject(String userId, String projectNumber) {
    return "bid-form|" + userId + "|" + projectNumber.trim().toUpperCase(java.util.Locale.ROOT);
  }
}
