package org.publicservice.procurement.tender;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The files of opened bids for the people who review them (87号令第四十四条: the qualification review; 第五十五条: the
 * panel's evaluation): the links in their tasks lead here. The reader is the user logged into Tasklist in this
 * browser; a file is given only once its round was opened, and only to a user who has an open task of the project
 * to review or score its bids or to sign their report (as assignee or candidate). Everybody else, officials
 * included, gets a refusal; a file of a bid not yet opened does not exist for anybody.
 */
@Controller
class BidDocumentController {

  /** The tasks whose holders read the bids' files. */
  static final List<String> READING_TASKS = List.of("Task_ReviewQualification", "Task_ScoreBids", "Task_ConfirmReport");
  private static final Pattern FILE_ID = Pattern.compile("[0-9a-f-]{36}");

  private final BidBox bidBox;
  private final TaskService taskService;

  BidDocumentController(BidBox bidBox, @Lazy TaskService taskService) {
    this.bidBox = bidBox;
    this.taskService = taskService;
  }

  @GetMapping("/bid-documents/{fileId}")
  ResponseEntity<byte[]> download(@PathVariable String fileId, HttpServletRequest request) {
    Optional<String> reader = tasklistUser(request);
    if (reader.isEmpty()) {
      return refusal(HttpStatus.UNAUTHORIZED, "请先登录工作平台（Tasklist），再从资格审查或评审打分任务中打开投标文件。");
    }
    Optional<BidBox.OpenedProjectFile> file = FILE_ID.matcher(fileId).matches() ? bidBox.openedFile(fileId)
        : Optional.empty();
    if (file.isEmpty()) {
      return refusal(HttpStatus.NOT_FOUND, "没有找到该投标文件：文件不存在，或其所属投标尚未开标。");
    }
    String[] tasks = READING_TASKS.toArray(String[]::new);
    String project = file.get().projectNumber();
    boolean reviews = taskService.createTaskQuery().processInstanceBusinessKey(project).taskDefinitionKeyIn(tasks)
        .taskAssignee(reader.get()).active().count() > 0
        || taskService.createTaskQuery().processInstanceBusinessKey(project).taskDefinitionKeyIn(tasks)
        .taskCandidateUser(reader.get()).includeAssignedTasks().active().count() > 0;
    if (!reviews) {
      return refusal(HttpStatus.FORBIDDEN, "只有正在办理本项目资格审查、评审打分或签署评审报告任务的人员可以查阅投标文件。");
    }
    return BidDocumentResponses.download(file.get().file());
  }

  /** The user of this browser's Tasklist login, if any. */
  private static Optional<String> tasklistUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    return Optional.ofNullable(authentications).map(a -> a.getAuthenticationForProcessEngine("default"))
        .map(a -> a.getIdentityId());
  }

  private static ResponseEntity<byte[]> refusal(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .header("Cache-Control", "no-store").body(message.getBytes(StandardCharsets.UTF_8));
  }
}
