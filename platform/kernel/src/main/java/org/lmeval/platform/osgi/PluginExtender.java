package org.lmeval.platform.osgi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lmeval.api.ApiVersion;
import org.lmeval.api.ErrorCode;
import org.lmeval.api.EvalException;
import org.lmeval.api.Plugin;
import org.lmeval.api.task.TaskSource;
import org.lmeval.platform.boundary.Boundary;
import org.lmeval.platform.plugin.Origin;
import org.lmeval.platform.plugin.PluginDescriptor;
import org.lmeval.platform.plugin.PluginLoad;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * The registrar half of the OSGi ServiceLoader Mediator for one service type, without SPI Fly or weaving (B5).
 * A {@link BundleTracker} sees each bundle with an {@code LmEval-Plugin-Id} header when it is RESOLVED, STARTING
 * or ACTIVE, runs the same descriptor and API checks as class path mode, reads
 * {@code META-INF/services/org.lmeval.api.Plugin} with {@link Bundle#getEntry} (the bundle's own content),
 * loads each class with {@link Bundle#loadClass} and creates it with the bundle's wiring class loader as TCCL,
 * and turns {@code LmEval-Tasks} into a {@link BundleTaskSource}. A {@link ServiceTracker} adds {@code Plugin}s
 * that bundles publish as OSGi services (DS, an activator); duplicates are removed by (bundle id, class).
 * Bundles contain no OSGi code of ours.
 */
public final class PluginExtender {
  private static final String SERVICES = "META-INF/services/" + Plugin.class.getName();

  private final BundleContext context;
  private final ApiVersion runtime;
  private final Map<Long, Extended> extended = Collections.synchronizedMap(new LinkedHashMap<>());
  private BundleTracker<Extended> bundles;
  private ServiceTracker<Plugin, Plugin> services;

  /** What the extender found in one bundle. */
  private static final class Extended {
    final Bundle bundle;
    final PluginDescriptor descriptor;
    final Origin origin;
    final ClassLoader loader;
    final Map<String, Plugin> pluginsByClass = new LinkedHashMap<>();
    final List<TaskSource> taskSources = new ArrayList<>();
    final List<EvalException> failures = new ArrayList<>();

    Extended(Bundle bundle, PluginDescriptor descriptor, Origin origin, ClassLoader loader) {
      this.bundle = bundle;
      this.descriptor = descriptor;
      this.origin = origin;
      this.loader = loader;
    }
  }

  /** @param context the system bundle's context */
  public PluginExtender(BundleContext context) {
    this.context = context;
    this.runtime = ApiVersion.current();
  }

  /** Starts tracking bundles and {@code Plugin} services. */
  public void open() {
    bundles = new BundleTracker<>(context, Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE,
        new BundleTrackerCustomizer<>() {
          @Override
          public Extended addingBundle(Bundle bundle, BundleEvent event) {
            return extend(bundle);
          }

          @Override
          public void modifiedBundle(Bundle bundle, BundleEvent event, Extended object) {}

          @Override
          public void removedBundle(Bundle bundle, BundleEvent event, Extended object) {}
        });
    bundles.open();
    services = new ServiceTracker<>(context, Plugin.class, new ServiceTrackerCustomizer<>() {
      @Override
      public Plugin addingService(ServiceReference<Plugin> reference) {
        Plugin plugin = context.getService(reference);
        if (plugin != null) {
          addService(reference.getBundle(), plugin);
        }
        return plugin;
      }

      @Override
      public void modifiedService(ServiceReference<Plugin> reference, Plugin service) {}

      @Override
      public void removedService(ServiceReference<Plugin> reference, Plugin service) {
        context.ungetService(reference);
      }
    });
    services.open();
  }

  /** Stops tracking. */
  public void close() {
    if (services != null) {
      services.close();
    }
    if (bundles != null) {
      bundles.close();
    }
  }

  /**
   * What the extender made of a bundle so far: the loaded plugin and any failures, or "nothing to load" if the
   * bundle has neither entry points nor tasks. Empty if the bundle is not a plugin bundle the extender saw.
   */
  public List<PluginLoad> results(Bundle bundle) {
    Extended e = extended.get(bundle.getBundleId());
    if (e == null) {
      return List.of();
    }
    synchronized (e) {
      String api = e.descriptor == null ? "" : e.descriptor.apiVersion().toString();
      List<PluginLoad> results = new ArrayList<>();
      for (EvalException f : e.failures) {
        results.add(new PluginLoad.Failed(e.origin, api, f));
      }
      if (e.descriptor == null) {
        return results;
      }
      if (!e.pluginsByClass.isEmpty() || !e.taskSources.isEmpty()) {
        results.add(0, new PluginLoad.Loaded(e.origin, api, e.loader, new ArrayList<>(e.pluginsByClass.values()),
            e.taskSources));
      } else if (results.isEmpty()) {
        results.add(new PluginLoad.Failed(e.origin, api, new EvalException(ErrorCode.PLUGIN_LOAD_FAILED,
            "plugin " + e.descriptor.label() + " (" + e.origin.source() + ") has nothing to load: no " + SERVICES
            + " entry, no Plugin service and no " + PluginDescriptor.TASKS + " header")));
      }
      return results;
    }
  }

  /** The source string of a bundle in messages: {@code osgi:<symbolic name>}. */
  public static String source(Bundle bundle) {
    return "osgi:" + bundle.getSymbolicName();
  }

  private Extended extend(Bundle bundle) {
    if (bundle.getBundleId() == 0) {
      return null;
    }
    Dictionary<String, String> headers = bundle.getHeaders();
    if (headers.get(PluginDescriptor.PLUGIN_ID) == null) {
      return null;
    }
    String source = source(bundle);
    List<String> names = Collections.list(headers.keys());
    PluginDescriptor descriptor;
    try {
      descriptor = PluginDescriptor.read(headers::get, names, source);
      descriptor.checkCompatible(runtime, source);
    } catch (EvalException ex) {
      Extended failed = new Extended(bundle, null, new Origin(String.valueOf(headers.get(PluginDescriptor.PLUGIN_ID))
          .trim(), bundle.getVersion().toString(), source), null);
      failed.failures.add(ex);
      extended.put(bundle.getBundleId(), failed);
      return failed;
    }
    BundleWiring wiring = bundle.adapt(BundleWiring.class);
    ClassLoader loader = wiring == null ? null : wiring.getClassLoader();
    Extended e = new Extended(bundle, descriptor, new Origin(descriptor.id(), descriptor.version(), source), loader);
    extended.put(bundle.getBundleId(), e);
    synchronized (e) {
      Boundary boundary = new Boundary(descriptor.id(), descriptor.version(), descriptor.apiVersion().toString(),
          loader);
      List<String> classNames;
      try {
        classNames = serviceClassNames(bundle);
      } catch (IOException ex) {
        e.failures.add(new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "plugin " + descriptor.label() + " ("
            + source + "): cannot read " + SERVICES + ": " + ex.getMessage(), ex));
        classNames = List.of();
      }
      for (String className : classNames) {
        try {
          Plugin plugin = boundary.call("entry point " + className, "creation", ErrorCode.PLUGIN_LOAD_FAILED,
              () -> create(bundle, className, descriptor, source));
          e.pluginsByClass.putIfAbsent(className, plugin);
        } catch (EvalException ex) {
          e.failures.add(ex);
        }
      }
      if (descriptor.tasks().isPresent()) {
        try {
          e.taskSources.add(new BundleTaskSource(descriptor.id(), bundle, descriptor.tasks().get()));
        } catch (EvalException ex) {
          e.failures.add(ex);
        }
      }
    }
    return e;
  }

  private void addService(Bundle bundle, Plugin plugin) {
    Extended e = extended.get(bundle.getBundleId());
    if (e == null) {
      Origin origin = new Origin(bundle.getSymbolicName(), bundle.getVersion().toString(), source(bundle));
      Extended failed = new Extended(bundle, null, origin, null);
      failed.failures.add(new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "bundle " + bundle.getSymbolicName()
          + " publishes an org.lmeval.api.Plugin service but is not a plugin bundle: its manifest has no "
          + PluginDescriptor.PLUGIN_ID + " header"));
      extended.put(bundle.getBundleId(), failed);
      return;
    }
    synchronized (e) {
      if (e.descriptor != null) {
        e.pluginsByClass.putIfAbsent(plugin.getClass().getName(), plugin);
      }
    }
  }

  private static Plugin create(Bundle bundle, String className, PluginDescriptor descriptor, String source) {
    Class<?> type;
    try {
      type = bundle.loadClass(className);
    } catch (ClassNotFoundException ex) {
      throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "plugin " + descriptor.label() + " (" + source + "): "
          + SERVICES + " lists " + className + ", which the bundle cannot load: " + ex.getMessage(), ex);
    }
    if (!Plugin.class.isAssignableFrom(type)) {
      throw new EvalException(ErrorCode.PLUGIN_INCOMPATIBLE, "plugin " + descriptor.label() + " (" + source
          + "): " + className + " does not implement the runtime's org.lmeval.api.Plugin (does the bundle embed"
          + " its own copy of lmeval-api? It must import org.lmeval.api instead)");
    }
    try {
      return (Plugin) type.getConstructor().newInstance();
    } catch (NoSuchMethodException ex) {
      throw new EvalException(ErrorCode.PLUGIN_LOAD_FAILED, "plugin " + descriptor.label() + " (" + source + "): "
          + className + " has no public no-argument constructor");
    } catch (ReflectiveOperationException ex) {
      Throwable cause = ex instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : ex;
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** Class names in the bundle's own services file, in order, without comments or duplicates. */
  private static List<String> serviceClassNames(Bundle bundle) throws IOException {
    URL entry = bundle.getEntry(SERVICES);
    if (entry == null) {
      return List.of();
    }
    Set<String> names = new LinkedHashSet<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(entry.openStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        int hash = line.indexOf('#');
        String name = (hash >= 0 ? line.substring(0, hash) : line).trim();
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
    return new ArrayList<>(names);
  }
}
