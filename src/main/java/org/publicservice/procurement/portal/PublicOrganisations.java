package org.publicservice.procurement.portal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.evaluation.Grade;
import org.publicservice.procurement.identity.Groups;
import org.publicservice.procurement.identity.OrganisationNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The social organisations (承接主体) as the public knows them: each is a user of the group social-org whose name
 * (the organisation's registered full name) the notices print. Only id and name are read; a notice belongs to an
 * organisation's page when it names the organisation.
 */
@Component
public class PublicOrganisations {

  private static final Pattern ORGANISATION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public record Organisation(String id, String name) {
  }

  private final IdentityService identityService;
  private final JdbcClient jdbc;

  public PublicOrganisations(IdentityService identityService, JdbcClient jdbc) {
    this.identityService = identityService;
    this.jdbc = jdbc;
  }

  public List<Organisation> all() {
    return identityService.createUserQuery().memberOfGroup(Groups.SOCIAL_ORGANISATION).list().stream()
        .map(PublicOrganisations::organisation)
        .sorted(Comparator.comparing(Organisation::name))
        .toList();
  }

  public Optional<Organisation> find(String id) {
    if (id == null || !ORGANISATION_ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return Optional.ofNullable(identityService.createUserQuery().userId(id).memberOfGroup(Groups.SOCIAL_ORGANISATION)
        .singleResult()).map(PublicOrganisations::organisation);
  }

  /** The organisations a notice names in its title or text. */
  public List<Organisation> namedIn(DisclosureNotice notice) {
    return all().stream()
        .filter(o -> notice.title().contains(o.name()) || notice.content().contains(o.name()))
        .toList();
  }

  /** Notices of these types that name the organisation, newest first. */
  public List<DisclosureNotice> noticesNaming(Organisation organisation, List<NoticeType> types) {
    return jdbc.sql("""
            SELECT * FROM disclosure_notice
            WHERE notice_type IN (:types)
              AND (title LIKE :name ESCAPE '\\' OR content LIKE :name ESCAPE '\\')
            ORDER BY published_at DESC, id DESC""")
        .param("types", types.stream().map(Enum::name).toList())
        .param("name", "%" + organisation.name().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        .query((rs, row) -> new DisclosureNotice(rs.getLong("id"), rs.getString("project_number"),
            NoticeType.valueOf(rs.getString("notice_type")), rs.getString("title"), rs.getString("content"),
            rs.getObject("published_at", java.time.OffsetDateTime.class), rs.getString("publisher"),
            rs.getString("process_instance_id")))
        .list();
  }

  /**
   * The grade an evaluation-result notice states (优秀, 良好, 合格, 不合格): the one on the line that names the grade
   * (等级), else the first one in the text; empty when the notice names none.
   */
  static Optional<String> gradeIn(DisclosureNotice notice) {
    for (String line : notice.content().split("\n")) {
      if (line.contains("等级")) {
        Optional<String> grade = Grade.nameIn(line);
        if (grade.isPresent()) {
          return grade;
        }
      }
    }
    return Grade.nameIn(notice.content());
  }

  private static Organisation organisation(User user) {
    return new Organisation(user.getId(), OrganisationNames.displayName(user));
  }
}
