package org.lmeval.testkit.sample;

import org.lmeval.api.Plugin;

/** A plugin someone forgot to list in META-INF/services. */
public final class UnlistedPlugin implements Plugin {}
