package org.publicservice.procurement.portal;

import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A portal list's search (the notice list, the project list): its page and the parameters given, from which the
 * list's template (templates/portal/layout :: pager, :: filters) links the other pages of the same search.
 */
public interface ListSearch {

  /** The list's address, without parameters. */
  String path();

  /** The page asked for, from 1. */
  int page();

  /** The search's parameters as they stand in the address, only those given, in the form's order. */
  Map<String, String> parameters();

  default int offset() {
    return (page() - 1) * SearchParameters.PAGE_SIZE;
  }

  /** Whether any condition narrows the list (the page is none). */
  default boolean filtered() {
    return !parameters().isEmpty();
  }

  /** The address of another page of the same search. */
  default String pageUrl(int number) {
    var uri = UriComponentsBuilder.fromPath(path());
    parameters().forEach((name, value) -> uri.queryParam(name, value));
    if (number > 1) {
      uri.queryParam("page", number);
    }
    return uri.encode().build().toUriString();
  }
}
