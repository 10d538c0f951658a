package org.publicservice.procurement.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose pages belong to the portal, wherever its feature puts it: the portal's model (the
 * logged-in organisation) and its refusal pages ({@link PortalRequestException}) apply to it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface PortalPage {
}
