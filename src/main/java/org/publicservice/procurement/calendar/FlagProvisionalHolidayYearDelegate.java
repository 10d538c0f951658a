package org.publicservice.procurement.calendar;

import static org.publicservice.procurement.calendar.HolidayScheduleVariables.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.variable.SpinValues;
import org.publicservice.procurement.purchase.JsonValues;
import org.springframework.stereotype.Component;

/**
 * Finds the first year in use that has no official schedule, records the provisional schedule deadlines are
 * computed with, and decides whether administrators need a new warning task (never a second one for a year).
 */
@Component
public class FlagProvisionalHolidayYearDelegate implements JavaDelegate {

  private final WorkingDayCalendar calendar;
  private final HolidayScheduleRepository repository;

  public FlagProvisionalHolidayYearDelegate(WorkingDayCalendar calendar, HolidayScheduleRepository repository) {
    this.calendar = calendar;
    this.repository = repository;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<Integer> provisional = calendar.provisionalYearsInUse();
    if (provisional.isEmpty()) {
      execution.setVariable(PROVISIONAL_YEAR, null);
      execution.setVariable(WARNING_NEEDED, false);
      return;
    }
    int year = provisional.get(0);
    YearSchedule schedule = calendar.provisional(year);
    if (!repository.exists(year)) {
      // kept so that one can later tell which holidays the deadlines of that time were computed with
      repository.save(new YearSchedule(year, ScheduleStatus.PROVISIONAL, schedule.notice(), "system",
          ClockUtil.getCurrentTime().toInstant(), schedule.days()));
    }
    long openWarnings = execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processDefinitionKey(CHECK_PROCESS).taskDefinitionKey(WARNING_TASK)
        .processInstanceBusinessKey(warningKey(year)).count();
    execution.setProcessBusinessKey(warningKey(year));
    execution.setVariable(PROVISIONAL_YEAR, year);
    execution.setVariable(WARNING_NEEDED, openWarnings == 0);
    execution.setVariable(PROVISIONAL_SUMMARY, summary(schedule));
    // the form opens with the computed holidays, so the administrator corrects rather than retypes them
    execution.setVariable(YEAR, year);
    execution.setVariable(HOLIDAYS, SpinValues.jsonValue(JsonValues.toJson(ranges(schedule))).create());
  }

  static String summary(YearSchedule schedule) {
    return "**" + schedule.year() + "年尚未录入国务院办公厅的节假日安排。** 在录入之前，工作日按以下法定节假日推算"
        + "（未含调休，截止日期可能与正式安排不同）：\n\n"
        + ranges(schedule).stream()
            .map(r -> "- " + r.get(HOLIDAY_NAME) + "：" + r.get(HOLIDAY_FIRST_DAY)
                + (r.get(HOLIDAY_FIRST_DAY).equals(r.get(HOLIDAY_LAST_DAY)) ? "" : " 至 " + r.get(HOLIDAY_LAST_DAY)))
            .collect(Collectors.joining("\n"))
        + "\n\n请按通知填写全部放假日期和调休上班日并提交。";
  }

  /** Consecutive days of one festival as {name, firstDay, lastDay}, as the form's list shows them. */
  static List<Map<String, String>> ranges(YearSchedule schedule) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (SpecialDay day : schedule.holidays()) {
      Map<String, String> last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
      if (last != null && last.get(HOLIDAY_NAME).equals(day.name())
          && LocalDate.parse(last.get(HOLIDAY_LAST_DAY)).plusDays(1).equals(day.date())) {
        last.put(HOLIDAY_LAST_DAY, day.date().toString());
      } else {
        Map<String, String> row = new LinkedHashMap<>();
        row.put(HOLIDAY_NAME, day.name());
        row.put(HOLIDAY_FIRST_DAY, day.date().toString());
        row.put(HOLIDAY_LAST_DAY, day.date().toString());
        rows.add(row);
      }
    }
    return rows;
  }
}
