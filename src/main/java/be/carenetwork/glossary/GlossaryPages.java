package be.carenetwork.glossary;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves /glossary/ as its index page (Spring serves index.html by itself only at the root). */
@Configuration(proxyBeanMethods = false)
class GlossaryPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/glossary/").setViewName("forward:/glossary/index.html");
        registry.addViewController("/glossary").setViewName("redirect:/glossary/");
    }
}
