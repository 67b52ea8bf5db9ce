package org.corroborate;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Vaadin installs its security context strategy JVM-wide when an application context starts, so
 * with several cached test contexts the last one started wins. This points the JVM-wide strategy at
 * the running test's own context before its mock user is set up and its UI is created.
 */
public class SecurityStrategyListener implements TestExecutionListener, org.springframework.core.Ordered {

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }
}
