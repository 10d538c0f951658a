package org.publicservice.procurement.security;

import java.lang.reflect.Field;

/**
 * Reads and replaces fields of the engine's command objects, which carry the caller's task id and variables but
 * expose no getters: the guards look at a command before it runs, as the engine will.
 */
final class CommandFields {

  private CommandFields() {
  }

  @SuppressWarnings("unchecked")
  static <T> T get(Object command, String name) {
    try {
      return (T) find(command.getClass(), name).get(command);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + name + " of " + command.getClass().getName(), e);
    }
  }

  static void set(Object command, String name, Object value) {
    try {
      find(command.getClass(), name).set(command, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot replace " + name + " of " + command.getClass().getName(), e);
    }
  }

  private static Field find(Class<?> type, String name) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new IllegalStateException(type.getName() + " has no field " + name + " (engine version changed?)");
  }
}
