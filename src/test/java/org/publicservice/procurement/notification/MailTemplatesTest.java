package org.publicservice.procurement.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.StaticApplicationContext;

/** Templates as an operator edits them: a folder outside the build that overrides the built-in texts. */
class MailTemplatesTest {

  private static final Map<String, Object> MODEL = Map.of("projectNumber", "NT-2026-0001",
      "serviceName", "社区居家养老服务", "taskName", "审核采购需求", "recipientName", "王丽",
      "taskLink", "http://localhost:8080/camunda/app/tasklist/default/#/?task=42");

  @TempDir Path folder;

  private MailTemplates templates(String location) {
    return new MailTemplates(new MailProperties("noreply@test.example", "平台", location, Duration.ofDays(1)),
        new StaticApplicationContext());
  }

  @Test
  void theBuiltInTemplateGivesSubjectAndBody() {
    var mail = templates(MailTemplates.BUILT_IN).render(TaskMails.TEMPLATE_ASSIGNED, MODEL);
    assertThat(mail.subject()).isEqualTo("【新待办】NT-2026-0001 社区居家养老服务：审核采购需求");
    assertThat(mail.body()).startsWith("王丽，您好：").contains("办理期限：未设定",
        "http://localhost:8080/camunda/app/tasklist/default/#/?task=42");
  }

  @Test
  void aTaskForSingleCandidateUsersAddressesThemInsteadOfAGroup() {
    var templates = templates(MailTemplates.BUILT_IN);
    assertThat(templates.render(TaskMails.TEMPLATE_CANDIDATE, MODEL).body()).contains("有一项新任务等待您办理");
    var forGroup = new java.util.HashMap<>(MODEL);
    forGroup.put("groupNames", "财政局、监督");
    assertThat(templates.render(TaskMails.TEMPLATE_CANDIDATE, forGroup).body())
        .contains("有一项新任务等待财政局、监督办理");
  }

  @Test
  void anEditedFileInTheOperatorsFolderIsUsedAtOnceAndMissingOnesComeFromTheBuiltInSet() throws Exception {
    MailTemplates templates = templates("file:" + folder + "/");
    Path file = folder.resolve("task-assigned.txt");
    Files.writeString(file, "主题：请办理 [(${taskName})]\n\n[(${recipientName})]同志：\n请尽快办理。\n",
        StandardCharsets.UTF_8);
    var edited = templates.render(TaskMails.TEMPLATE_ASSIGNED, MODEL);
    assertThat(edited.subject()).isEqualTo("请办理 审核采购需求");
    assertThat(edited.body()).isEqualTo("王丽同志：\n请尽快办理。\n");

    Files.writeString(file, "[(${projectNumber})] 待办\n正文改了\n", StandardCharsets.UTF_8);
    var again = templates.render(TaskMails.TEMPLATE_ASSIGNED, MODEL);
    assertThat(again.subject()).isEqualTo("NT-2026-0001 待办");
    assertThat(again.body()).isEqualTo("正文改了\n");

    assertThat(templates.render(TaskMails.TEMPLATE_CANDIDATE, MODEL).subject()).startsWith("【新待办】");
  }

  @Test
  void anUnknownTemplateFails() {
    assertThatThrownBy(() -> templates(MailTemplates.BUILT_IN).render("no-such-mail", MODEL))
        .hasMessageContaining("no-such-mail");
  }
}
