package org.publicservice.procurement.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Officials open the application's address and land on Tasklist's login, where their work is. */
@Controller
public class HomeController {

  @GetMapping("/")
  public String home() {
    return "redirect:/camunda/app/tasklist/";
  }
}
