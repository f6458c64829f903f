/** The lm-eval-java plugin SPI. JDK-only. */
module org.lmeval.api {
  exports org.lmeval.api;
  exports org.lmeval.api.cache;
  exports org.lmeval.api.dataset;
  exports org.lmeval.api.filter;
  exports org.lmeval.api.metric;
  exports org.lmeval.api.model;
  exports org.lmeval.api.support;
  exports org.lmeval.api.task;

  uses org.lmeval.api.Plugin;
}
