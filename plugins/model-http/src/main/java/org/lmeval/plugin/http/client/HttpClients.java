package org.lmeval.plugin.http.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;

/** Builds the OkHttp client of one model: enough connections and threads for its concurrency, its timeouts, TLS. */
public final class HttpClients {
  /** Threads that only wait on sockets need little stack; this keeps thousands of requests in flight cheap. */
  private static final long STACK_BYTES = 256 * 1024;

  private HttpClients() {}

  /**
   * @param maxConcurrent requests in flight at most
   * @param timeout the whole exchange's limit (lm-eval's {@code timeout}); connecting gets at most 30 s of it
   * @param verifyCertificate false accepts any server certificate (lm-eval's {@code verify_certificate=False})
   * @param caCertPath a PEM file of trusted certificates (lm-eval's {@code ca_cert_path}), or null
   */
  public static OkHttpClient create(int maxConcurrent, Duration timeout, boolean verifyCertificate, Path caCertPath) {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), r -> {
          Thread t = new Thread(null, r, "lmeval-http-" + n.incrementAndGet(), STACK_BYTES);
          t.setDaemon(true);
          return t;
        });
    Dispatcher dispatcher = new Dispatcher(executor);
    int calls = maxConcurrent + 16;
    dispatcher.setMaxRequests(calls);
    dispatcher.setMaxRequestsPerHost(calls);
    OkHttpClient.Builder b = new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(Math.max(5, calls), 5, TimeUnit.MINUTES))
        .callTimeout(timeout)
        .readTimeout(timeout)
        .writeTimeout(timeout)
        .connectTimeout(timeout.compareTo(Duration.ofSeconds(30)) < 0 ? timeout : Duration.ofSeconds(30));
    if (!verifyCertificate) {
      X509TrustManager all = new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      };
      b.sslSocketFactory(context(all), all).hostnameVerifier((host, session) -> true);
    } else if (caCertPath != null) {
      X509TrustManager trust = trustManager(caCertPath);
      b.sslSocketFactory(context(trust), trust);
    }
    return b.build();
  }

  private static javax.net.ssl.SSLSocketFactory context(X509TrustManager trust) {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {trust}, new SecureRandom());
      return ctx.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new EvalException(ErrorCode.BACKEND_UNAVAILABLE, "cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static X509TrustManager trustManager(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + i++, c);
      }
      if (i == 0) {
        throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg 'ca_cert_path': " + pem
            + " holds no PEM certificate");
      }
      TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      f.init(store);
      for (TrustManager m : f.getTrustManagers()) {
        if (m instanceof X509TrustManager x) {
          return x;
        }
      }
      throw new IllegalStateException("no X509TrustManager");
    } catch (IOException | GeneralSecurityException e) {
      throw new EvalException(ErrorCode.INVALID_ARGUMENT, "model arg 'ca_cert_path': cannot read certificates from "
          + pem + ": " + e.getMessage(), e);
    }
  }
}
