package org.publicservice.procurement;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.publicservice.procurement.disclosure.DisclosureNotice;
import org.publicservice.procurement.disclosure.DisclosureRegister;
import org.publicservice.procurement.disclosure.NoticeType;
import org.publicservice.procurement.notification.MailDeliveries;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * What each process test of a {@link ProcurementSpringTest} class starts and ends with, in one place: before each
 * test camunda-bpm-assert is bound to the engine, the test's people, its {@link TasklistDriver} and the mail
 * deliveries are at hand and the engine clock stands at the test's moment; after it nobody is logged in and the
 * clock runs again. Register it on an instance field:
 * {@code @RegisterExtension final ProcessTestSession session = ProcessTestSession.startingAt(MONDAY);}
 */
public final class ProcessTestSession implements BeforeEachCallback, AfterEachCallback {

  private final ZonedDateTime start;
  private boolean officials;
  private ProcessEngine engine;
  private DisclosureRegister register;
  private TestIdentities people;
  private TasklistDriver tasklist;
  private MailDeliveries mails;

  private ProcessTestSession(ZonedDateTime start) {
    this.start = start;
  }

  /** Each test starts with the engine clock as it stands (the test moves it where it needs it). */
  public static ProcessTestSession onEngineClock() {
    return new ProcessTestSession(null);
  }

  /** Each test starts with the engine clock at {@code start}. */
  public static ProcessTestSession startingAt(ZonedDateTime start) {
    return new ProcessTestSession(start);
  }

  /** Makes sure the officials' users are in place before each test ({@link TestIdentities#ensureOfficials}). */
  public ProcessTestSession withOfficials() {
    this.officials = true;
    return this;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    ApplicationContext spring = SpringExtension.getApplicationContext(context);
    engine = spring.getBean(ProcessEngine.class);
    register = spring.getBean(DisclosureRegister.class);
    BpmnAwareTests.init(engine);
    people = new TestIdentities(engine.getIdentityService());
    if (officials) {
      people.ensureOfficials();
    }
    tasklist = new TasklistDriver(engine, people);
    mails = new MailDeliveries(engine);
    if (start != null) {
      TasklistDriver.at(start);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    people.actAsNobody();
    ClockUtil.reset();
  }

  public TestIdentities people() {
    return people;
  }

  public TasklistDriver tasklist() {
    return tasklist;
  }

  public MailDeliveries mails() {
    return mails;
  }

  /** The project's public notices of that type in the disclosure register, oldest first. */
  public List<DisclosureNotice> notices(String project, NoticeType type) {
    return register.findByProject(project).stream().filter(notice -> notice.type() == type).toList();
  }

  /** The instance's variables as the engine's history keeps them (also once the instance has ended). */
  public Map<String, Object> history(ProcessInstance instance) {
    Map<String, Object> values = new HashMap<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).list()
        .forEach(variable -> values.put(variable.getName(), variable.getValue()));
    return values;
  }
}
