package org.lmeval.plugin.http.client;

/** Reads the body of a 2xx answer. Throwing means the answer is unreadable: the call is retried. */
@FunctionalInterface
public interface ResponseParser<T> {
  T parse(byte[] body) throws Exception;
}
